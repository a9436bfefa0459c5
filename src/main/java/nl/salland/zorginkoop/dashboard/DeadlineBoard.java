package nl.salland.zorginkoop.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import nl.salland.zorginkoop.sector.Sector;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The managers' view: deadlines, escalations and steps from the indexed tables {@code zi_deadline} and
 * {@code zi_case} (kept by the engine's listeners, see casetracking), never by scanning the engine's history.
 */
@Component
public class DeadlineBoard implements DisposableBean {

  private static final String CASES_ESCALATION = "escalationLadder";
  private static final String CASES_ROUND = "contractingRound";

  private static final List<DeadlineState> URGENCY = List.of(DeadlineState.OVERDUE, DeadlineState.UPCOMING,
      DeadlineState.MISSED, DeadlineState.MET);
  private static final Map<DeadlineState, String> STATE_CONDITIONS = Map.of(
      DeadlineState.OVERDUE, "d.status = 'OPEN' AND d.due_at < :now",
      DeadlineState.UPCOMING, "d.status = 'OPEN' AND d.due_at >= :now AND d.due_at < :horizon",
      DeadlineState.MISSED, "d.status = 'MISSED' AND d.closed_at >= :since",
      DeadlineState.MET, "d.status = 'MET' AND d.closed_at >= :since");
  private static final String DEADLINE_COLUMNS = "d.business_key, d.process_key, d.process_instance_id, d.agb_code, "
      + "p.name AS provider_name, d.sector, d.contract_year, d.milestone, d.label, d.due_at, d.closed_at, d.status";

  /** Threads for a snapshot's reads beside the request's own; more requests at once queue their reads here. */
  private static final int READ_THREADS = 6;

  private final JdbcClient jdbc;
  private final ExecutorService reads = Executors.newFixedThreadPool(READ_THREADS, readThreadFactory());

  public DeadlineBoard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record DeadlineRow(String businessKey, String processKey, String processInstanceId, String agbCode,
      String providerName, String sector, Integer contractYear, String milestone, String label, OffsetDateTime dueAt,
      OffsetDateTime closedAt, DeadlineState state, long hoursLate) {
  }

  public record SectorSummary(String sector, String label, long upcoming, long overdue, long missed,
      long activeCases, long escalations) {
  }

  public record Escalation(String businessKey, String processInstanceId, String agbCode, String providerName,
      String sector, Integer contractYear, String rung, OffsetDateTime since) {
  }

  public record StepCount(String sector, String step, long count) {
  }

  /** What the board shows for a filter: the counts per sector, the deadlines, the escalations, the steps. */
  public record Snapshot(List<SectorSummary> sectors, List<DeadlineRow> deadlines, List<Escalation> escalations,
      List<StepCount> steps) {
  }

  private record CaseCount(String sector, String processKey, String step, long cases) {
  }

  /**
   * The deadlines in the filter's states: the {@code limit} due earliest, most urgent first. One branch per state,
   * each cut at the limit in order of due moment, so that each walks its index on (status, due_at) and stops there
   * instead of sorting every open deadline of the season; their union is cut at the limit again.
   */
  public List<DeadlineRow> deadlines(DeadlineFilter filter) {
    List<String> branches = new ArrayList<>();
    for (DeadlineState state : URGENCY) {
      if (filter.states().contains(state)) {
        Where where = new Where(filter, "d");
        where.add(STATE_CONDITIONS.get(state));
        branches.add("(SELECT " + DEADLINE_COLUMNS
            + " FROM zi_deadline d LEFT JOIN zi_provider p ON p.agb_code = d.agb_code" + where
            + " ORDER BY d.due_at FETCH FIRST :limit ROWS ONLY)");
      }
    }
    String union = String.join(" UNION ALL ", branches);
    // Every branch has the same named parameters (sector, provider, moments), bound once for the whole union.
    List<DeadlineRow> rows = new Where(filter, "d").bind(jdbc.sql("SELECT * FROM (" + union + ") d "
            + "ORDER BY d.due_at FETCH FIRST :limit ROWS ONLY")
            .param("limit", filter.limit()))
        .query((rs, n) -> row(rs, filter.now()))
        .list();
    // Most urgent first: overdue (longest late first), then upcoming, then closed ones.
    return rows.stream()
        .sorted(Comparator.comparing((DeadlineRow r) -> URGENCY.indexOf(r.state()))
            .thenComparing(r -> r.state() == DeadlineState.OVERDUE ? -r.hoursLate() : 0L)
            .thenComparing(DeadlineRow::dueAt))
        .toList();
  }

  /**
   * Everything the board shows for a filter. Its four reads run at once, each on a connection of its own: the two
   * counts read every open deadline and every active case (9-11 ms each with 20,000 cases open, 20-40 ms with a
   * provider filter), and one after the other the reads were most of a call's time (docs/performance.md, "The board's
   * reads at once"). Each read sees the tables as they are when it runs, as before, when each ran in a transaction of
   * its own.
   */
  public Snapshot snapshot(DeadlineFilter filter) {
    CompletableFuture<List<CaseCount>> cases = read(() -> activeCases(filter));
    CompletableFuture<Map<String, long[]>> deadlineCounts = read(() -> deadlineCounts(filter));
    CompletableFuture<List<DeadlineRow>> deadlines = read(() -> deadlines(filter));
    List<Escalation> escalations = escalations(filter);
    List<CaseCount> caseCounts = join(cases);
    return new Snapshot(sectors(join(deadlineCounts), caseCounts), join(deadlines), escalations,
        steps(caseCounts));
  }

  private <T> CompletableFuture<T> read(Supplier<T> query) {
    return CompletableFuture.supplyAsync(query, reads);
  }

  /** The read's result, or the exception it failed with (not wrapped), as if it had run on the caller's thread. */
  private static <T> T join(CompletableFuture<T> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Per sector in the filter: upcoming, overdue and missed deadlines, and (filled in by sectors) the cases. */
  private Map<String, long[]> deadlineCounts(DeadlineFilter filter) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (Sector sector : Sector.values()) {
      if (filter.sector() == null || filter.sector() == sector) {
        counts.put(sector.name(), new long[5]);
      }
    }
    Where deadlines = new Where(filter, "d");
    deadlines.add("(d.status = 'OPEN' OR (d.status = 'MISSED' AND d.closed_at >= :since))");
    deadlines.bind(jdbc.sql("""
            SELECT d.sector,
              SUM(CASE WHEN d.status = 'OPEN' AND d.due_at >= :now AND d.due_at < :horizon THEN 1 ELSE 0 END) upcoming,
              SUM(CASE WHEN d.status = 'OPEN' AND d.due_at < :now THEN 1 ELSE 0 END) overdue,
              SUM(CASE WHEN d.status = 'MISSED' THEN 1 ELSE 0 END) missed
            FROM zi_deadline d LEFT JOIN zi_provider p ON p.agb_code = d.agb_code
            """ + deadlines + " GROUP BY d.sector"))
        .query((rs, n) -> {
          long[] c = counts.get(rs.getString("sector"));
          if (c != null) {
            c[0] = rs.getLong("upcoming");
            c[1] = rs.getLong("overdue");
            c[2] = rs.getLong("missed");
          }
          return null;
        }).list();
    return counts;
  }

  private static List<SectorSummary> sectors(Map<String, long[]> counts, List<CaseCount> cases) {
    for (CaseCount count : cases) {
      long[] c = counts.get(count.sector());
      if (c != null) {
        c[count.processKey().equals(CASES_ROUND) ? 3 : 4] += count.cases();
      }
    }
    return counts.entrySet().stream()
        .map(e -> new SectorSummary(e.getKey(), Sector.valueOf(e.getKey()).label(), e.getValue()[0],
            e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
        .toList();
  }

  /** How many contracting rounds wait in each step, per sector; the step most waited in first. */
  private static List<StepCount> steps(List<CaseCount> cases) {
    return cases.stream()
        .filter(count -> count.processKey().equals(CASES_ROUND))
        .map(count -> new StepCount(count.sector(), count.step() == null ? "Bezig" : count.step(), count.cases()))
        .sorted(Comparator.comparing(StepCount::sector, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(StepCount::count, Comparator.reverseOrder())
            .thenComparing(StepCount::step))
        .toList();
  }

  /** Active rounds and escalation ladders per sector and step. */
  private List<CaseCount> activeCases(DeadlineFilter filter) {
    Where where = new Where(filter, "c");
    where.add("c.status = 'ACTIVE' AND c.process_key IN (:round, :ladder)");
    return where.bind(jdbc.sql("""
            SELECT c.sector, c.process_key, c.current_step, COUNT(*) cases
            FROM zi_case c LEFT JOIN zi_provider p ON p.agb_code = c.agb_code
            """ + where + " GROUP BY c.sector, c.process_key, c.current_step")
            .param("round", CASES_ROUND).param("ladder", CASES_ESCALATION))
        .query((rs, n) -> new CaseCount(rs.getString("sector"), rs.getString("process_key"),
            rs.getString("current_step"), rs.getLong("cases")))
        .list();
  }

  public List<Escalation> escalations(DeadlineFilter filter) {
    Where where = new Where(filter, "c");
    where.add("c.status = 'ACTIVE' AND c.process_key = :ladder");
    return where.bind(jdbc.sql("""
            SELECT c.business_key, c.process_instance_id, c.agb_code, p.name AS provider_name, c.sector,
              c.contract_year, c.current_step, c.step_since
            FROM zi_case c LEFT JOIN zi_provider p ON p.agb_code = c.agb_code
            """ + where + " ORDER BY c.step_since FETCH FIRST :limit ROWS ONLY")
            .param("ladder", CASES_ESCALATION).param("limit", filter.limit()))
        .query((rs, n) -> new Escalation(rs.getString("business_key"), rs.getString("process_instance_id"),
            rs.getString("agb_code").trim(), rs.getString("provider_name"), rs.getString("sector"),
            (Integer) rs.getObject("contract_year"), rs.getString("current_step"),
            rs.getObject("step_since", OffsetDateTime.class)))
        .list();
  }

  private static DeadlineRow row(ResultSet rs, OffsetDateTime now) throws SQLException {
    OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
    OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
    String status = rs.getString("status");
    DeadlineState state = switch (status) {
      case "MET" -> DeadlineState.MET;
      case "MISSED" -> DeadlineState.MISSED;
      default -> due.isBefore(now) ? DeadlineState.OVERDUE : DeadlineState.UPCOMING;
    };
    OffsetDateTime end = closed != null ? closed : now;
    long hoursLate = end.isAfter(due) ? Duration.between(due, end).toHours() : 0;
    return new DeadlineRow(rs.getString("business_key"), rs.getString("process_key"),
        rs.getString("process_instance_id"), rs.getString("agb_code").trim(), rs.getString("provider_name"),
        rs.getString("sector"), (Integer) rs.getObject("contract_year"), rs.getString("milestone"),
        rs.getString("label"), due, closed, state, hoursLate);
  }

  private static CustomizableThreadFactory readThreadFactory() {
    CustomizableThreadFactory factory = new CustomizableThreadFactory("board-read-");
    factory.setDaemon(true);
    return factory;
  }

  @Override
  public void destroy() {
    reads.shutdown();
  }

  /** The WHERE clause shared by every query: the manager's sector and provider filters. */
  private static final class Where {
    private final DeadlineFilter filter;
    private final List<String> conditions = new ArrayList<>();

    Where(DeadlineFilter filter, String alias) {
      this.filter = filter;
      if (filter.sector() != null) {
        conditions.add(alias + ".sector = :sector");
      }
      if (filter.provider() != null) {
        conditions.add("(" + alias + ".agb_code LIKE :agbPrefix OR LOWER(p.name) LIKE :nameLike)");
      }
    }

    void add(String condition) {
      conditions.add(condition);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      JdbcClient.StatementSpec bound = spec.param("now", filter.now()).param("horizon", filter.horizon())
          .param("since", filter.since());
      if (filter.sector() != null) {
        bound = bound.param("sector", filter.sector().name());
      }
      if (filter.provider() != null) {
        bound = bound.param("agbPrefix", filter.provider() + "%")
            .param("nameLike", "%" + filter.provider().toLowerCase() + "%");
      }
      return bound;
    }

    @Override
    public String toString() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
  }
}
