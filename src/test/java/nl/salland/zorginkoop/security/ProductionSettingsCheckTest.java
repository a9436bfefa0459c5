package nl.salland.zorginkoop.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.salland.zorginkoop.ZorginkoopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** Command-line arguments outrank the environment and the system properties of the PostgreSQL test run. */
class ProductionSettingsCheckTest {

  private static final String DATABASE_GIVEN = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/never-used";

  @Test
  void postgresProfileWithoutAdminPasswordRefusesToStartWithAClearMessage() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(ZorginkoopApplication.class)
        .profiles("postgres");

    assertThatThrownBy(() -> app.run(DATABASE_GIVEN, "--spring.datasource.username=zorginkoop", "--camunda.bpm.admin-user.password="))
        .isInstanceOf(ProductionSettingsCheck.MissingSettingsException.class)
        .hasMessageContaining("no administrator password: set ZORGINKOOP_ADMIN_PASSWORD");
  }

  @Test
  void postgresProfileRefusesThePasswordThatCamundaWouldDefaultTo() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(ZorginkoopApplication.class)
        .profiles("postgres");

    assertThatThrownBy(() -> app.run(DATABASE_GIVEN, "--spring.datasource.username=zorginkoop", "--camunda.bpm.admin-user.id=admin",
        "--camunda.bpm.admin-user.password=admin"))
        .hasMessageContaining("equals the user id");
  }

  @Test
  void postgresProfileWithoutDatabaseSettingsNamesThem() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(ZorginkoopApplication.class)
        .profiles("postgres");

    assertThatThrownBy(() -> app.run("--camunda.bpm.admin-user.password=a-long-secret", "--spring.datasource.url=",
        "--spring.datasource.username="))
        .hasMessageContaining("set ZORGINKOOP_DB_URL")
        .hasMessageContaining("set ZORGINKOOP_DB_USER");
  }

  @Test
  void postgresProfileWithoutTheOutsideSystemsAndSenderNamesEachVariable() {
    MockEnvironment environment = complete();
    environment.setProperty("zorginkoop.integration.vecozo.base-url", "");
    environment.setProperty("zorginkoop.mail.from", " ");

    assertThatThrownBy(() -> new ProductionSettingsCheck().postProcessEnvironment(environment, null))
        .hasMessageContaining("set ZORGINKOOP_VECOZO_URL")
        .hasMessageContaining("set ZORGINKOOP_MAIL_FROM")
        .hasMessageNotContaining("ZORGINKOOP_AGB_URL");
  }

  @Test
  void postgresProfileWithEverySettingStarts() {
    MockEnvironment environment = complete();

    assertThatCode(() -> new ProductionSettingsCheck().postProcessEnvironment(environment, null))
        .doesNotThrowAnyException();
  }

  private static MockEnvironment complete() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "admin")
        .withProperty("camunda.bpm.admin-user.password", "a-long-secret")
        .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/zorginkoop")
        .withProperty("spring.datasource.username", "zorginkoop")
        .withProperty("zorginkoop.integration.agb.base-url", "https://agb.example")
        .withProperty("zorginkoop.integration.vecozo.base-url", "https://vecozo.example")
        .withProperty("zorginkoop.integration.nza.base-url", "https://nza.example")
        .withProperty("zorginkoop.integration.carefinder.base-url", "https://zorgzoeker.example")
        .withProperty("zorginkoop.mail.from", "inkoop@salland.example");
    environment.setActiveProfiles(ProductionSettingsCheck.PROFILE);
    return environment;
  }
}
