package nl.salland.zorginkoop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the test profile (in-memory H2, or PostgreSQL in the second run),
 * no job executor (tests execute jobs and move the clock themselves) and process-test coverage recorded under
 * target/process-test-coverage. Every Spring test uses exactly this, so all share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ZorginkoopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ZorginkoopTest {
}
