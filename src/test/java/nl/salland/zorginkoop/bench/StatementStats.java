package nl.salland.zorginkoop.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements PostgreSQL executed in the database under measurement between two snapshots, from
 * {@code pg_stat_statements}: how many per case and which took the most time. Only when the server loads the
 * extension ({@code shared_preload_libraries = 'pg_stat_statements'}, a restart); otherwise every snapshot is empty
 * and the result file has no such figures. The deadline API's statements and the benchmark's own polls count too,
 * the snapshots themselves do not. PostgreSQL only ({@link BenchDatabase.Postgres}).
 */
final class StatementStats {

  private static final int TOP = 8;

  record Counted(String statement, long calls, double milliseconds) {
  }

  private StatementStats() {
  }

  /** Creates the extension in a freshly created database, when the server has it loaded. */
  static void enable(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement()) {
      if (loaded(statement)) {
        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      }
    }
  }

  /** Per statement (by PostgreSQL's query id): calls and execution time so far; empty without the extension. */
  static Map<Long, Counted> snapshot(Connection connection) throws Exception {
    Map<Long, Counted> counted = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      if (!loaded(statement)) {
        return counted;
      }
      try (ResultSet rs = statement.executeQuery("SELECT queryid, calls, total_exec_time, query "
          + "FROM pg_stat_statements WHERE queryid IS NOT NULL AND query NOT LIKE '%pg_stat_statements%' "
          + "AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
        while (rs.next()) {
          counted.merge(rs.getLong(1), new Counted(rs.getString(4), rs.getLong(2), rs.getDouble(3)),
              (a, b) -> new Counted(a.statement(), a.calls() + b.calls(), a.milliseconds() + b.milliseconds()));
        }
      }
    }
    return counted;
  }

  /**
   * From {@code before} to {@code after}, divided by {@code cases}: statements and execution time per case, and the
   * statements that took the most time. Empty when the snapshots are.
   */
  static Map<String, Object> per(Map<Long, Counted> before, Map<Long, Counted> after, long cases, String suffix) {
    Map<String, Object> figures = new LinkedHashMap<>();
    if (after.isEmpty() || cases == 0) {
      return figures;
    }
    List<Counted> grown = new ArrayList<>();
    after.forEach((id, now) -> {
      Counted then = before.getOrDefault(id, new Counted(now.statement(), 0, 0));
      if (now.calls() > then.calls()) {
        grown.add(new Counted(now.statement(), now.calls() - then.calls(), now.milliseconds() - then.milliseconds()));
      }
    });
    figures.put("statements" + suffix, round(grown.stream().mapToLong(Counted::calls).sum() / (double) cases));
    figures.put("executionMs" + suffix, round(grown.stream().mapToDouble(Counted::milliseconds).sum() / cases));
    figures.put("mostTime", grown.stream().sorted(Comparator.comparingDouble(Counted::milliseconds).reversed())
        .limit(TOP)
        .map(c -> Map.of("statement", shorten(c.statement()), "calls" + suffix, round(c.calls() / (double) cases),
            "executionMs" + suffix, round(c.milliseconds() / cases)))
        .toList());
    return figures;
  }

  private static boolean loaded(Statement statement) throws Exception {
    try (ResultSet rs = statement.executeQuery("SHOW shared_preload_libraries")) {
      rs.next();
      return rs.getString(1).contains("pg_stat_statements");
    }
  }

  private static String shorten(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 140 ? oneLine : oneLine.substring(0, 140) + " ...";
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
