package nl.salland.zorginkoop.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The postgres (production) profile starts only with credentials from the environment. Runs before the engine
 * starts, because Camunda would otherwise create the administrator with its user id as password.
 */
public class ProductionCredentialsCheck implements EnvironmentPostProcessor {

  public static final String PROFILE = "postgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String adminId = environment.getProperty("camunda.bpm.admin-user.id");
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
    if (adminPassword == null || adminPassword.isBlank()) {
      problems.add("no administrator password: set ZORGINKOOP_ADMIN_PASSWORD");
    } else if (adminPassword.equals(adminId)) {
      problems.add("the administrator password equals the user id: choose another ZORGINKOOP_ADMIN_PASSWORD");
    }
    if (isBlank(environment.getProperty("spring.datasource.url"))) {
      problems.add("no database: set ZORGINKOOP_DB_URL (e.g. jdbc:postgresql://db:5432/zorginkoop)");
    }
    if (isBlank(environment.getProperty("spring.datasource.username"))) {
      problems.add("no database user: set ZORGINKOOP_DB_USER");
    }
    if (!problems.isEmpty()) {
      throw new MissingCredentialsException(problems);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Thrown before anything starts when the production profile lacks a credential. */
  public static class MissingCredentialsException extends IllegalStateException {
    MissingCredentialsException(List<String> problems) {
      super("Profile '" + PROFILE + "' refuses to start: " + String.join("; ", problems));
    }
  }

  /** Prints the problem as a short report instead of a stack trace. */
  public static class MissingCredentialsAnalyzer extends AbstractFailureAnalyzer<MissingCredentialsException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingCredentialsException cause) {
      return new FailureAnalysis(cause.getMessage(),
          "Set the missing environment variables (see README.md, section Production) and start again.", cause);
    }
  }
}
