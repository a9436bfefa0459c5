package nl.salland.zorginkoop.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the multi-node tests share: a fresh PostgreSQL database on the server of ZORGINKOOP_TEST_POSTGRES_URL (the
 * tests are skipped without it, except in CI), the stand-in of the outside systems, a season's worth of rounds, and
 * queries on the shared database.
 */
final class ClusterFixture {

  private ClusterFixture() {
  }

  /** The JDBC URL of a new, empty database with this name. */
  static String freshDatabase(String name) throws Exception {
    String url = System.getenv("ZORGINKOOP_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but ZORGINKOOP_TEST_POSTGRES_URL is not set");
      }
      Assumptions.abort("The multi-node tests need PostgreSQL: set ZORGINKOOP_TEST_POSTGRES_URL");
    }
    String server = url.substring(0, url.lastIndexOf('/') + 1);
    try (Connection connection = DriverManager.getConnection(server + "postgres", user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    return server + name;
  }

  static String user() {
    String user = System.getenv("ZORGINKOOP_TEST_POSTGRES_USER");
    return user == null || user.isBlank() ? "postgres" : user;
  }

  static String password() {
    String password = System.getenv("ZORGINKOOP_TEST_POSTGRES_PASSWORD");
    return password == null ? "" : password;
  }

  static JdbcTemplate jdbc(String url) {
    return new JdbcTemplate(new DriverManagerDataSource(url, user(), password()));
  }

  /** Success answers of all outside systems, for every node under its own path prefix (/a/vecozo/...). */
  static WireMockServer standIns() {
    WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(40).asynchronousResponseEnabled(true));
    server.start();
    RemoteStandIns.defaultAnswers(server, "/[a-z]+");
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Rounds for contract year 2027, AGB codes from {@code firstAgb}; seven in ten digital. */
  static String rounds(int count, int firstAgb) {
    List<String> rounds = new ArrayList<>();
    String[] sectors = {"PARAMEDISCHE_ZORG", "HUISARTSENZORG", "KORTDURENDE_ZORG", "PARAMEDISCHE_ZORG",
        "HUISARTSENZORG"};
    for (int i = 0; i < count; i++) {
      rounds.add("{\"agbCode\": \"%08d\", \"sector\": \"%s\", \"contractYear\": 2027, \"providerStatus\": \"EXISTING\", "
          .formatted(firstAgb + i, sectors[i % sectors.length])
          + "\"contractingMode\": \"" + (i % 10 < 7 ? "DIGITAL" : "FACE_TO_FACE") + "\"}");
    }
    return "{\"rounds\": [" + String.join(",", rounds) + "]}";
  }

  /** Calls to the VECOZO stand-in's proposals (publish and withdraw), by idempotency key. */
  static Map<String, List<LoggedRequest>> vecozoCallsByKey(WireMockServer standIns) {
    return standIns.findAll(anyRequestedFor(urlPathMatching("/[a-z]+/vecozo/proposals.*"))).stream()
        .collect(Collectors.groupingBy(r -> r.getHeader("Idempotency-Key")));
  }

  /**
   * Waits until the engine has no job left that is due and could run, or fails after the timeout; a job that failed
   * (and waits for its retry) fails the test at once with the job's error.
   */
  static void awaitNoDueJobs(JdbcTemplate jdbc, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> failed = jdbc.queryForList("SELECT exception_msg_ FROM act_ru_job WHERE exception_msg_ IS NOT NULL "
          + "FETCH FIRST 3 ROWS ONLY", String.class);
      if (!failed.isEmpty()) {
        throw new IllegalStateException("Jobs failed: " + failed);
      }
      Long due = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 "
          + "AND (duedate_ IS NULL OR duedate_ <= CURRENT_TIMESTAMP)", Long.class);
      if (due == 0) {
        return;
      }
      AppNode.sleep(1000);
    }
    throw new IllegalStateException("Jobs still due after " + timeout);
  }
}
