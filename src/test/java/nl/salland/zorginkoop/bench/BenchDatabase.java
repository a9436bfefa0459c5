package nl.salland.zorginkoop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the benchmark keeps the data of the engines it measures: PostgreSQL, production's database (the default), or
 * H2 for comparison ({@code -Dbench.database=h2}), the embedded file database of the development profile. Both
 * engines of a run, baseline and zorginkoop, use the same kind, each its own database.
 */
sealed interface BenchDatabase {

  static BenchDatabase chosen() {
    String kind = System.getProperty("bench.database", "postgresql");
    return switch (kind) {
      case "postgresql" -> new Postgres(System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/"),
          System.getProperty("bench.postgres.user", "postgres"));
      case "h2" -> new H2(Path.of("target", "benchmark", "h2").toAbsolutePath());
      default -> throw new IllegalArgumentException("-Dbench.database=" + kind + ": postgresql or h2");
    };
  }

  /** What the result file says about the database. */
  Map<String, Object> describe() throws Exception;

  /** An empty database {@code name}, dropped first if a run before left one. */
  void recreate(String name) throws Exception;

  String url(String name);

  String user();

  default Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name), user(), "");
  }

  /**
   * Settings for zorginkoop: production's profile on PostgreSQL; on H2 the development profile (the H2 file
   * database's) without its demo data and simulator, so that both run the same work.
   */
  List<String> zorginkoopArgs(String name);

  /** Called between phases, outside every measured interval. */
  void keepStatisticsCurrent(String name) throws Exception;

  long size(String name) throws Exception;

  /** Commits and row changes so far, where the database counts them; empty otherwise. */
  Map<String, Long> counters(String name) throws Exception;

  /** The statements executed so far, where the database counts them (see {@link StatementStats}); empty otherwise. */
  Map<Long, StatementStats.Counted> statements(String name) throws Exception;

  record Postgres(String server, String user) implements BenchDatabase {

    @Override
    public Map<String, Object> describe() throws Exception {
      Map<String, Object> description = new LinkedHashMap<>();
      description.put("kind", "postgresql");
      try (Connection connection = connect("postgres");
          Statement statement = connection.createStatement()) {
        description.put("version", show(statement, "server_version"));
        description.put("autovacuum", autovacuum(statement));
      }
      return description;
    }

    @Override
    public void recreate(String name) throws Exception {
      try (Connection connection = connect("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        statement.execute("CREATE DATABASE " + name);
      }
      try (Connection connection = connect(name)) {
        StatementStats.enable(connection);
      }
    }

    @Override
    public String url(String name) {
      return server + name;
    }

    @Override
    public List<String> zorginkoopArgs(String name) {
      return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url(name),
          "--spring.datasource.username=" + user);
    }

    /**
     * Without autovacuum (some development servers run with {@code autovacuum = off}) PostgreSQL plans every query
     * on the statistics of the empty database, and correlating a message by business key takes half a second
     * instead of a millisecond. In production autovacuum analyzes the tables as they grow; here the benchmark does it
     * between the phases, for the baseline and for zorginkoop alike.
     */
    @Override
    public void keepStatisticsCurrent(String name) throws Exception {
      try (Connection connection = connect(name);
          Statement statement = connection.createStatement()) {
        if (!autovacuum(statement)) {
          statement.execute("ANALYZE");
        }
      }
    }

    @Override
    public long size(String name) throws Exception {
      try (Connection connection = connect(name);
          ResultSet rs = connection.createStatement().executeQuery("SELECT pg_database_size(current_database())")) {
        rs.next();
        return rs.getLong(1);
      }
    }

    @Override
    public Map<String, Long> counters(String name) throws Exception {
      Thread.sleep(1500); // statistics are flushed about once a second
      try (Connection connection = connect(name);
          ResultSet rs = connection.createStatement().executeQuery("SELECT xact_commit, tup_inserted, tup_updated, "
              + "tup_deleted FROM pg_stat_database WHERE datname = current_database()")) {
        rs.next();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("inserted", rs.getLong(2));
        counters.put("updated", rs.getLong(3));
        counters.put("deleted", rs.getLong(4));
        counters.put("commits", rs.getLong(1));
        return counters;
      }
    }

    @Override
    public Map<Long, StatementStats.Counted> statements(String name) throws Exception {
      try (Connection connection = connect(name)) {
        return StatementStats.snapshot(connection);
      }
    }

    private static boolean autovacuum(Statement statement) throws SQLException {
      return "on".equals(show(statement, "autovacuum"));
    }

    private static String show(Statement statement, String setting) throws SQLException {
      try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** H2 file databases under target/benchmark/h2, opened in the benchmark's JVM (embedded, as in development). */
  record H2(Path directory) implements BenchDatabase {

    @Override
    public Map<String, Object> describe() throws Exception {
      try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
        return Map.of("kind", "h2", "version", connection.getMetaData().getDatabaseProductVersion());
      }
    }

    @Override
    public void recreate(String name) throws IOException {
      Files.createDirectories(directory);
      for (Path file : files(name)) {
        Files.delete(file);
      }
    }

    private List<Path> files(String name) throws IOException {
      try (Stream<Path> files = Files.list(directory)) {
        return files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList();
      }
    }

    @Override
    public String url(String name) {
      return "jdbc:h2:file:" + directory.resolve(name);
    }

    @Override
    public String user() {
      return "sa";
    }

    @Override
    public List<String> zorginkoopArgs(String name) {
      return List.of("--spring.datasource.url=" + url(name), "--spring.datasource.username=" + user(),
          "--zorginkoop.demo.enabled=false", "--zorginkoop.simulator.enabled=false");
    }

    /** H2 keeps its statistics itself (it analyzes a table after many changes). */
    @Override
    public void keepStatisticsCurrent(String name) {
    }

    /** The database's files (H2 grows its file and reuses free space in it, it does not shrink it while open). */
    @Override
    public long size(String name) throws IOException {
      long bytes = 0;
      for (Path file : files(name)) {
        bytes += Files.size(file);
      }
      return bytes;
    }

    @Override
    public Map<String, Long> counters(String name) {
      return Map.of();
    }

    @Override
    public Map<Long, StatementStats.Counted> statements(String name) {
      return Map.of();
    }
  }
}
