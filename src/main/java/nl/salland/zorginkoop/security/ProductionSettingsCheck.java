package nl.salland.zorginkoop.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The postgres (production) profile starts only with its credentials and the addresses of the outside systems from
 * the environment, and names every missing variable at once. Runs before the engine starts, because Camunda would
 * otherwise create the administrator with its user id as password. (The database password is not required: a server
 * may trust the connection; compose's PostgreSQL refuses to start without one.)
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

  public static final String PROFILE = "postgres";

  /** Settings without which the application cannot do its work, and the variable that sets each. */
  private static final Map<String, String> REQUIRED_SETTINGS = new LinkedHashMap<>();

  static {
    REQUIRED_SETTINGS.put("zorginkoop.integration.agb.base-url", "ZORGINKOOP_AGB_URL");
    REQUIRED_SETTINGS.put("zorginkoop.integration.vecozo.base-url", "ZORGINKOOP_VECOZO_URL");
    REQUIRED_SETTINGS.put("zorginkoop.integration.nza.base-url", "ZORGINKOOP_NZA_URL");
    REQUIRED_SETTINGS.put("zorginkoop.integration.carefinder.base-url", "ZORGINKOOP_CAREFINDER_URL");
    REQUIRED_SETTINGS.put("zorginkoop.mail.from", "ZORGINKOOP_MAIL_FROM");
  }

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
    REQUIRED_SETTINGS.forEach((property, variable) -> {
      if (isBlank(environment.getProperty(property))) {
        problems.add("no " + property + ": set " + variable);
      }
    });
    if (!problems.isEmpty()) {
      throw new MissingSettingsException(problems);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Thrown before anything starts when the production profile lacks a credential or setting. */
  public static class MissingSettingsException extends IllegalStateException {
    MissingSettingsException(List<String> problems) {
      super("Profile '" + PROFILE + "' refuses to start: " + String.join("; ", problems));
    }
  }

  /** Prints the problem as a short report instead of a stack trace. */
  public static class MissingSettingsAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
      return new FailureAnalysis(cause.getMessage(),
          "Set the missing environment variables (see README.md, section Production) and start again.", cause);
    }
  }
}
