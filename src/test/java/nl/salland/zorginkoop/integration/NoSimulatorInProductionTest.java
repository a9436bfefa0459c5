package nl.salland.zorginkoop.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import nl.salland.zorginkoop.integration.agb.AgbRegisterSimulator;
import nl.salland.zorginkoop.integration.carefinder.CareFinderSimulator;
import nl.salland.zorginkoop.integration.mail.MailOutboxPage;
import nl.salland.zorginkoop.integration.nza.NzaSimulator;
import nl.salland.zorginkoop.integration.vecozo.VecozoSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The postgres (production) profile has no simulator bean at all, so no {@code /simulator/**} path exists. */
class NoSimulatorInProductionTest {

  @Test
  void thePostgresProfileCreatesNoSimulator() {
    new ApplicationContextRunner()
        .withInitializer(context -> {
          var sources = context.getEnvironment().getPropertySources();
          load("application-postgres.yaml").forEach(sources::addFirst);
          load("application.yaml").forEach(sources::addLast);
        })
        .withUserConfiguration(AgbRegisterSimulator.class, VecozoSimulator.class, NzaSimulator.class,
            CareFinderSimulator.class, MailOutboxPage.class)
        .run(context -> {
          assertThat(context.getEnvironment().getProperty("zorginkoop.simulator.enabled")).isEqualTo("false");
          assertThat(context).doesNotHaveBean(AgbRegisterSimulator.class).doesNotHaveBean(VecozoSimulator.class)
              .doesNotHaveBean(NzaSimulator.class).doesNotHaveBean(CareFinderSimulator.class)
              .doesNotHaveBean(MailOutboxPage.class);
        });
  }

  private static List<PropertySource<?>> load(String file) {
    try {
      return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
