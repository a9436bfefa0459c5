package nl.salland.zorginkoop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * kill -9 with a season in flight: rounds with pending timers, asynchronous integration jobs and open tasks. After a
 * restart every case is still there, every due timer has fired once, every outside call had its effect once, and our
 * own tables agree with the engine. Runs against the packaged jar (./mvnw verify) on PostgreSQL.
 */
class CrashRecoveryIT {

  static final int ROUNDS = 1200;
  static final int DIGITAL = ROUNDS * 7 / 10;
  static final int FACE_TO_FACE = ROUNDS - DIGITAL;

  @Test
  void aKilledNodeLosesNothingAndRepeatsNoEffect() throws Exception {
    String database = ClusterFixture.freshDatabase("zorginkoop_it_crash");
    JdbcTemplate jdbc = ClusterFixture.jdbc(database);
    WireMockServer standIns = ClusterFixture.standIns();
    // A short lock time, so that the restarted node takes over the jobs the killed one had locked.
    List<String> settings = List.of("--camunda.bpm.job-execution.lock-time-in-millis=15000");
    try {
      int port = ClusterFixture.freePort();
      AppNode node = AppNode.start("a", port, database, ClusterFixture.user(), standIns.port(), settings);
      // The real date is past the 2027 round's deadlines: proposals lapse and offers are late at once, so every
      // round has asynchronous steps, due timers, and (face-to-face) an escalation ladder with a pending timer.
      node.post("/api/rounds", ClusterFixture.rounds(ROUNDS, 30_000_000));
      while (ClusterFixture.vecozoCallsByKey(standIns).size() < DIGITAL / 3) {
        AppNode.sleep(200);
      }
      node.killHard();
      int callsAtKill = ClusterFixture.vecozoCallsByKey(standIns).size();
      assertThat(callsAtKill).as("killed in the middle of the work").isLessThan(2 * DIGITAL);

      try (AppNode restarted = AppNode.start("a", port, database, ClusterFixture.user(), standIns.port(), settings)) {
        ClusterFixture.awaitNoDueJobs(jdbc, Duration.ofMinutes(10));
      }

      assertEveryCaseIsThere(jdbc);
      assertEveryTimerFiredOnce(jdbc);
      assertEveryEffectHappenedOnce(jdbc, standIns);
      assertOurTablesAgreeWithTheEngine(jdbc);
    } finally {
      standIns.stop();
    }
  }

  private static void assertEveryCaseIsThere(JdbcTemplate jdbc) {
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'contractingRound'"))
        .isEqualTo(ROUNDS);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_case WHERE process_key = 'contractingRound' "
        + "AND outcome = 'PROPOSAL_EXPIRED' AND status = 'COMPLETED'")).isEqualTo(DIGITAL);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_case WHERE process_key = 'contractingRound' "
        + "AND status = 'ACTIVE'")).isEqualTo(FACE_TO_FACE);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_JointReflection'"))
        .isEqualTo(FACE_TO_FACE);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
  }

  private static void assertEveryTimerFiredOnce(JdbcTemplate jdbc) {
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'BoundaryEvent_ProposalExpired'"))
        .isEqualTo(DIGITAL);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_hi_actinst WHERE act_id_ = 'BoundaryEvent_OfferLate'"))
        .isEqualTo(FACE_TO_FACE);
    // One ladder per stalled round, though two of its deadlines passed at once.
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'escalationLadder'"))
        .isEqualTo(FACE_TO_FACE);
    // The ladder's own timer (reflection term) is pending, once per ladder.
    assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_ "
        + "WHERE d.act_id_ = 'BoundaryEvent_ReflectionTermPassed'")).isEqualTo(FACE_TO_FACE);
  }

  private static void assertEveryEffectHappenedOnce(JdbcTemplate jdbc, WireMockServer standIns) {
    var calls = ClusterFixture.vecozoCallsByKey(standIns);
    assertThat(calls.keySet().stream().filter(k -> k.endsWith(":Task_PublishProposal"))).hasSize(DIGITAL);
    assertThat(calls.keySet().stream().filter(k -> k.endsWith(":Task_WithdrawProposal"))).hasSize(DIGITAL);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_mail_outbox WHERE template = 'proposal-published'"))
        .isEqualTo(DIGITAL);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_mail_outbox WHERE template = 'proposal-expired'"))
        .isEqualTo(DIGITAL);
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_mail_outbox WHERE template = 'invitation'"))
        .isEqualTo(FACE_TO_FACE);
  }

  private static void assertOurTablesAgreeWithTheEngine(JdbcTemplate jdbc) {
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_case")).isEqualTo(count(jdbc,
        "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ IN ('contractingRound', 'escalationLadder')"));
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_case c JOIN act_hi_procinst p "
        + "ON p.proc_inst_id_ = c.process_instance_id WHERE (p.end_time_ IS NULL) <> (c.status = 'ACTIVE')"))
        .isZero();
    assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_deadline d JOIN zi_case c "
        + "ON c.process_instance_id = d.process_instance_id WHERE d.status = 'OPEN' AND c.status <> 'ACTIVE'"))
        .isZero();
  }

  static long count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
