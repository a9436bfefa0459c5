package nl.salland.zorginkoop.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.salland.zorginkoop.ZorginkoopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Command-line arguments outrank the environment and the system properties of the PostgreSQL test run. */
class ProductionCredentialsCheckTest {

  private static final String DATABASE_GIVEN = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/never-used";

  @Test
  void postgresProfileWithoutAdminPasswordRefusesToStartWithAClearMessage() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(ZorginkoopApplication.class)
        .profiles("postgres");

    assertThatThrownBy(() -> app.run(DATABASE_GIVEN, "--spring.datasource.username=zorginkoop", "--camunda.bpm.admin-user.password="))
        .isInstanceOf(ProductionCredentialsCheck.MissingCredentialsException.class)
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
}
