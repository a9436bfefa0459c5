package nl.salland.zorginkoop.cluster;

import static nl.salland.zorginkoop.cluster.CrashRecoveryIT.count;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database share the jobs and timers, and no job runs twice; when one node
 * is killed, the other takes over the jobs it had locked once their lock expires. Runs against the packaged jar.
 */
class TwoNodeClusterIT {

  static final int FIRST_ROUNDS = 800;
  static final int SECOND_ROUNDS = 500;
  static final int JOB_THREADS_PER_NODE = 6;

  @Test
  void twoNodesShareTheWorkAndASurvivorTakesOverFromAKilledOne() throws Exception {
    String database = ClusterFixture.freshDatabase("zorginkoop_it_cluster");
    JdbcTemplate jdbc = ClusterFixture.jdbc(database);
    WireMockServer standIns = ClusterFixture.standIns();
    List<String> settings = List.of("--camunda.bpm.job-execution.lock-time-in-millis=15000");
    try (AppNode a = AppNode.start("a", ClusterFixture.freePort(), database, ClusterFixture.user(), standIns.port(),
        settings)) {
      AppNode b = AppNode.start("b", ClusterFixture.freePort(), database, ClusterFixture.user(), standIns.port(),
          settings);

      a.post("/api/rounds", ClusterFixture.rounds(FIRST_ROUNDS, 40_000_000));
      ClusterFixture.awaitNoDueJobs(jdbc, Duration.ofMinutes(10));

      Map<String, List<LoggedRequest>> calls = ClusterFixture.vecozoCallsByKey(standIns);
      int digital = FIRST_ROUNDS * 7 / 10;
      assertThat(calls).hasSize(2 * digital);
      assertThat(calls.values()).as("no job ran twice").allSatisfy(requests -> assertThat(requests).hasSize(1));
      assertThat(calls.values().stream().map(r -> r.get(0).getUrl().substring(1, 2)).distinct())
          .as("both nodes worked").containsExactlyInAnyOrder("a", "b");

      // Second wave: node b dies in the middle; node a finishes what b had locked, after the lock expires.
      b.post("/api/rounds", ClusterFixture.rounds(SECOND_ROUNDS, 41_000_000));
      while (ClusterFixture.vecozoCallsByKey(standIns).size() < 2 * digital + SECOND_ROUNDS / 4) {
        AppNode.sleep(200);
      }
      b.killHard();
      ClusterFixture.awaitNoDueJobs(jdbc, Duration.ofMinutes(10));

      Map<String, List<LoggedRequest>> all = ClusterFixture.vecozoCallsByKey(standIns);
      int allDigital = digital + SECOND_ROUNDS * 7 / 10;
      assertThat(all).as("every proposal published and withdrawn").hasSize(2 * allDigital);
      long repeated = all.values().stream().filter(requests -> requests.size() > 1).count();
      assertThat(repeated).as("only calls in flight on the killed node were repeated (same key, one effect)")
          .isLessThanOrEqualTo(JOB_THREADS_PER_NODE);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM zi_case WHERE process_key = 'contractingRound' "
          + "AND outcome = 'PROPOSAL_EXPIRED'")).isEqualTo(allDigital);
      assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_incident")).isZero();
      assertThat(count(jdbc, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL "
          + "AND lock_exp_time_ < CURRENT_TIMESTAMP")).as("no job left locked by the dead node").isZero();
    } finally {
      standIns.stop();
    }
  }
}
