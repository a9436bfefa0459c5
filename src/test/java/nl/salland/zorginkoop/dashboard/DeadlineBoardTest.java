package nl.salland.zorginkoop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.DeadlineRow;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.Escalation;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.SectorSummary;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.StepCount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The managers' board over the tables the engine's listeners keep ({@code zi_deadline}, {@code zi_case}), with
 * rows written here directly: which deadline shows in which state, in which order, within the limit, per sector and
 * provider; the counts per sector and step; the escalations. Every test database is shared, so each test has a
 * provider of its own and filters on it, except where it says otherwise.
 */
@ZorginkoopTest
class DeadlineBoardTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-09-08T10:00:00+02:00");

  @Autowired
  DeadlineBoard board;
  @Autowired
  JdbcClient jdbc;

  String agb;
  String name;

  @BeforeEach
  void provider() {
    agb = TestAgbCodes.next();
    name = "Fysiotherapie Het Baken " + agb;
    jdbc.sql("INSERT INTO zi_provider (agb_code, name, created_at, updated_at) VALUES (:agb, :name, :now, :now)")
        .param("agb", agb).param("name", name).param("now", NOW).update();
  }

  @Test
  void showsOverdueLongestLateFirstThenUpcomingThenMissedAndLeavesOutWhatIsOutsideTheWeeks() {
    deadline("overdue-3d", "PARAMEDISCHE_ZORG", "OPEN", NOW.minusDays(3), null);
    deadline("overdue-1h", "PARAMEDISCHE_ZORG", "OPEN", NOW.minusHours(1), null);
    deadline("upcoming-2d", "PARAMEDISCHE_ZORG", "OPEN", NOW.plusDays(2), null);
    deadline("beyond-horizon", "PARAMEDISCHE_ZORG", "OPEN", NOW.plusWeeks(7), null);
    deadline("missed", "PARAMEDISCHE_ZORG", "MISSED", NOW.minusDays(5), NOW.minusDays(4));
    deadline("missed-long-ago", "PARAMEDISCHE_ZORG", "MISSED", NOW.minusWeeks(10), NOW.minusWeeks(9));
    deadline("met", "PARAMEDISCHE_ZORG", "MET", NOW.plusDays(1), NOW.minusDays(1));

    List<DeadlineRow> rows = board.deadlines(filter(null, agb, null, null));

    assertThat(rows).extracting(DeadlineRow::label)
        .containsExactly("overdue-3d", "overdue-1h", "upcoming-2d", "missed");
    assertThat(rows).extracting(DeadlineRow::state).containsExactly(DeadlineState.OVERDUE, DeadlineState.OVERDUE,
        DeadlineState.UPCOMING, DeadlineState.MISSED);
    assertThat(rows.get(0).hoursLate()).isEqualTo(72);
    assertThat(rows.get(3).hoursLate()).isEqualTo(24);
    assertThat(rows).allSatisfy(row -> assertThat(row.providerName()).isEqualTo(name));
  }

  @Test
  void eachStateOnItsOwnAndMetOnlyWhenAskedFor() {
    deadline("overdue", "GGZ", "OPEN", NOW.minusDays(1), null);
    deadline("upcoming", "GGZ", "OPEN", NOW.plusDays(1), null);
    deadline("missed", "GGZ", "MISSED", NOW.minusDays(2), NOW.minusDays(1));
    deadline("met", "GGZ", "MET", NOW.plusDays(3), NOW.minusDays(1));
    deadline("met-long-ago", "GGZ", "MET", NOW.minusWeeks(12), NOW.minusWeeks(12));

    assertThat(labels(filter(null, agb, "OVERDUE", null))).containsExactly("overdue");
    assertThat(labels(filter(null, agb, "UPCOMING", null))).containsExactly("upcoming");
    assertThat(labels(filter(null, agb, "MISSED", null))).containsExactly("missed");
    assertThat(labels(filter(null, agb, "MET", null))).containsExactly("met");
    assertThat(labels(filter(null, agb, "MET,OVERDUE", null))).containsExactly("overdue", "met");
    assertThat(labels(filter(null, agb, "UPCOMING,OVERDUE,MISSED,MET", null)))
        .containsExactly("overdue", "upcoming", "missed", "met");
  }

  @Test
  void theLimitKeepsTheEarliestDueThenOrdersThemByUrgency() {
    deadline("missed-5d", "HUISARTSENZORG", "MISSED", NOW.minusDays(5), NOW.minusDays(4));
    deadline("overdue-3d", "HUISARTSENZORG", "OPEN", NOW.minusDays(3), null);
    deadline("overdue-1d", "HUISARTSENZORG", "OPEN", NOW.minusDays(1), null);
    deadline("upcoming-1d", "HUISARTSENZORG", "OPEN", NOW.plusDays(1), null);

    assertThat(labels(filter(null, agb, null, 2))).containsExactly("overdue-3d", "missed-5d");
    assertThat(labels(filter(null, agb, null, 3))).containsExactly("overdue-3d", "overdue-1d", "missed-5d");
  }

  @Test
  void filtersBySectorAndByAgbPrefixOrPartOfTheName() {
    deadline("para", "PARAMEDISCHE_ZORG", "OPEN", NOW.minusDays(1), null);
    deadline("ggz", "GGZ", "OPEN", NOW.minusDays(2), null);

    assertThat(labels(filter("PARAMEDISCHE_ZORG", agb, null, null))).containsExactly("para");
    assertThat(labels(filter("GGZ", agb, null, null))).containsExactly("ggz");
    assertThat(labels(filter(null, agb.substring(0, 7), null, null))).containsExactly("ggz", "para");
    assertThat(labels(filter(null, "het baken " + agb, null, null))).containsExactly("ggz", "para");
    assertThat(labels(filter(null, "HET BAKEN " + agb, null, null))).containsExactly("ggz", "para");
  }

  @Test
  void aProviderNotInTheRegisterIsFoundByItsAgbCode() {
    String unregistered = TestAgbCodes.next();
    deadline(unregistered, "unregistered", "GGZ", "OPEN", NOW.plusDays(1), null);

    assertThat(board.deadlines(filter(null, unregistered, null, null))).singleElement()
        .satisfies(row -> assertThat(row.label()).isEqualTo("unregistered"))
        .satisfies(row -> assertThat(row.providerName()).isNull());
    assertThat(board.snapshot(filter(null, unregistered, null, null)).sectors())
        .filteredOn(sector -> sector.sector().equals("GGZ")).singleElement()
        .satisfies(sector -> assertThat(sector.upcoming()).isOne());
  }

  @Test
  void withoutAProviderFilterEveryRowQualifiesAndTheProvidersOwnRowsKeepTheirOrder() {
    deadline("overdue", "KORTDURENDE_ZORG", "OPEN", NOW.minusDays(400), null);
    deadline("upcoming", "KORTDURENDE_ZORG", "OPEN", NOW.plusMinutes(1), null);
    deadline("missed", "KORTDURENDE_ZORG", "MISSED", NOW.minusDays(1), NOW.minusMinutes(1));

    DeadlineFilter filter = filter(null, null, null, DeadlineFilter.MAX_LIMIT);
    List<DeadlineRow> rows = board.deadlines(filter);

    assertThat(rows).filteredOn(row -> row.agbCode().equals(agb)).extracting(DeadlineRow::label)
        .containsExactly("overdue", "upcoming", "missed");
    assertThat(rows).allSatisfy(row -> assertThat(row.state()).isNotEqualTo(DeadlineState.MET));
    assertThat(rows).filteredOn(row -> row.state() == DeadlineState.UPCOMING)
        .allSatisfy(row -> assertThat(row.dueAt()).isBetween(NOW, NOW.plusWeeks(6)));
    assertThat(rows).filteredOn(row -> row.state() == DeadlineState.MISSED)
        .allSatisfy(row -> assertThat(row.closedAt()).isAfterOrEqualTo(NOW.minusWeeks(6)));
    List<DeadlineState> urgency = List.of(DeadlineState.OVERDUE, DeadlineState.UPCOMING, DeadlineState.MISSED);
    assertThat(rows).isSortedAccordingTo(Comparator.comparing((DeadlineRow row) -> urgency.indexOf(row.state()))
        .thenComparing(row -> row.state() == DeadlineState.OVERDUE ? -row.hoursLate() : 0L));
    assertThat(board.deadlines(filter(null, null, null, 1))).hasSize(1);
  }

  @Test
  void countsPerSectorTheOpenAndMissedDeadlinesTheActiveRoundsAndEscalations() {
    deadline("overdue", "GGZ", "OPEN", NOW.minusDays(1), null);
    deadline("upcoming-1", "GGZ", "OPEN", NOW.plusDays(1), null);
    deadline("upcoming-2", "GGZ", "OPEN", NOW.plusWeeks(5), null);
    deadline("beyond-horizon", "GGZ", "OPEN", NOW.plusWeeks(8), null);
    deadline("missed", "GGZ", "MISSED", NOW.minusDays(2), NOW.minusDays(1));
    deadline("met", "GGZ", "MET", NOW.minusDays(2), NOW.minusDays(3));
    deadline("para-overdue", "PARAMEDISCHE_ZORG", "OPEN", NOW.minusDays(1), null);
    activeCase("contractingRound", "GGZ", "ACTIVE", "Ondertekening afwachten");
    activeCase("contractingRound", "GGZ", "ACTIVE", "Ondertekening afwachten");
    activeCase("contractingRound", "GGZ", "ACTIVE", "Offerte afwachten");
    activeCase("contractingRound", "GGZ", "COMPLETED", null);
    activeCase("escalationLadder", "GGZ", "ACTIVE", "Gezamenlijke reflectie");
    activeCase("contractingRound", "PARAMEDISCHE_ZORG", "ACTIVE", null);

    List<SectorSummary> sectors = board.snapshot(filter(null, agb, null, null)).sectors();

    assertThat(sectors).extracting(SectorSummary::sector).containsExactly("KORTDURENDE_ZORG", "HUISARTSENZORG",
        "PARAMEDISCHE_ZORG", "GGZ", "WLZ_GZ");
    assertThat(sectors).filteredOn(s -> s.sector().equals("GGZ")).singleElement()
        .isEqualTo(new SectorSummary("GGZ", "Geestelijke gezondheidszorg", 2, 1, 1, 3, 1));
    assertThat(sectors).filteredOn(s -> s.sector().equals("PARAMEDISCHE_ZORG")).singleElement()
        .isEqualTo(new SectorSummary("PARAMEDISCHE_ZORG", "Paramedische zorg", 0, 1, 0, 1, 0));
    assertThat(sectors).filteredOn(s -> s.sector().equals("WLZ_GZ")).singleElement()
        .isEqualTo(new SectorSummary("WLZ_GZ", "Wlz gehandicaptenzorg", 0, 0, 0, 0, 0));
    assertThat(board.snapshot(filter("GGZ", agb, null, null)).sectors()).extracting(SectorSummary::sector)
        .containsExactly("GGZ");

    assertThat(board.snapshot(filter(null, agb, null, null)).steps()).containsExactly(
        new StepCount("GGZ", "Ondertekening afwachten", 2), new StepCount("GGZ", "Offerte afwachten", 1),
        new StepCount("PARAMEDISCHE_ZORG", "Bezig", 1));
    assertThat(board.snapshot(filter("PARAMEDISCHE_ZORG", agb, null, null)).steps()).containsExactly(
        new StepCount("PARAMEDISCHE_ZORG", "Bezig", 1));
  }

  @Test
  void aSnapshotHoldsWhatEachReadGivesOnItsOwn() {
    deadline("overdue", "GGZ", "OPEN", NOW.minusDays(1), null);
    deadline("upcoming", "PARAMEDISCHE_ZORG", "OPEN", NOW.plusDays(1), null);
    activeCase("escalationLadder", "GGZ", "ACTIVE", "Gezamenlijke reflectie");
    DeadlineFilter filter = filter(null, agb, null, null);

    DeadlineBoard.Snapshot snapshot = board.snapshot(filter);

    assertThat(snapshot.deadlines()).isEqualTo(board.deadlines(filter)).extracting(DeadlineRow::label)
        .containsExactly("overdue", "upcoming");
    assertThat(snapshot.escalations()).isEqualTo(board.escalations(filter)).hasSize(1);
  }

  @Test
  void listsTheActiveEscalationsLongestWaitingFirst() {
    String later = activeCase("escalationLadder", "GGZ", "ACTIVE", "Bestuurlijke escalatie", NOW.minusDays(1));
    String earlier = activeCase("escalationLadder", "GGZ", "ACTIVE", "Gezamenlijke reflectie", NOW.minusDays(9));
    activeCase("escalationLadder", "GGZ", "COMPLETED", "Melding NZa", NOW.minusDays(20));
    activeCase("contractingRound", "GGZ", "ACTIVE", "Ondertekening afwachten", NOW.minusDays(30));

    List<Escalation> escalations = board.escalations(filter(null, agb, null, null));

    assertThat(escalations).extracting(Escalation::processInstanceId).containsExactly(earlier, later);
    assertThat(escalations).extracting(Escalation::rung)
        .containsExactly("Gezamenlijke reflectie", "Bestuurlijke escalatie");
    assertThat(escalations).allSatisfy(e -> assertThat(e.providerName()).isEqualTo(name));
  }

  private List<String> labels(DeadlineFilter filter) {
    return board.deadlines(filter).stream().map(DeadlineRow::label).toList();
  }

  private DeadlineFilter filter(String sector, String provider, String status, Integer limit) {
    return DeadlineFilter.of(sector, provider, status, 6, limit, NOW);
  }

  private void deadline(String label, String sector, String status, OffsetDateTime due, OffsetDateTime closed) {
    deadline(agb, label, sector, status, due, closed);
  }

  private void deadline(String agbCode, String label, String sector, String status, OffsetDateTime due,
      OffsetDateTime closed) {
    jdbc.sql("""
            INSERT INTO zi_deadline (process_instance_id, activity_instance_id, activity_id, business_key,
              process_key, agb_code, sector, contract_year, milestone, label, due_at, opened_at, closed_at, status)
            VALUES (:pi, :ai, 'Task_Test', :key, 'contractingRound', :agb, :sector, 2027, 'TEST', :label, :due,
              :opened, :closed, :status)""")
        .param("pi", UUID.randomUUID().toString()).param("ai", UUID.randomUUID().toString())
        .param("key", "board-test-" + agbCode + "-" + label).param("agb", agbCode).param("sector", sector)
        .param("label", label).param("due", due).param("opened", NOW.minusWeeks(20)).param("closed", closed)
        .param("status", status).update();
  }

  private String activeCase(String processKey, String sector, String status, String step) {
    return activeCase(processKey, sector, status, step, NOW.minusDays(1));
  }

  private String activeCase(String processKey, String sector, String status, String step, OffsetDateTime since) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
            INSERT INTO zi_case (process_instance_id, root_process_instance_id, business_key, process_key, agb_code,
              sector, contract_year, status, current_step, step_since, started_at)
            VALUES (:id, :id, :key, :processKey, :agb, :sector, 2027, :status, :step, :since, :started)""")
        .param("id", id).param("key", "board-test-" + id).param("processKey", processKey).param("agb", agb)
        .param("sector", sector).param("status", status).param("step", step).param("since", since)
        .param("started", NOW.minusWeeks(20)).update();
    return id;
  }
}
