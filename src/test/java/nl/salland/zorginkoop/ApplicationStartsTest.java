package nl.salland.zorginkoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ZorginkoopTest
class ApplicationStartsTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcClient jdbc;

  @Test
  void runsOnTheDatabaseOfThisTestRun() throws Exception {
    String expected = System.getProperty("zorginkoop.test.database", "h2");
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName().toLowerCase())
          .contains(expected.equals("postgres") ? "postgresql" : "h2");
    }
  }

  @Test
  void appliesOurMigrations() {
    // Flyway creates its history table with quoted lower-case names, on H2 as on PostgreSQL.
    Integer applied = jdbc.sql("SELECT COUNT(*) FROM \"zi_schema_history\" WHERE \"success\" = TRUE "
            + "AND \"version\" = '1'")
        .query(Integer.class).single();
    assertThat(applied).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM zi_contract").query(Long.class).single()).isNotNegative();
  }
}
