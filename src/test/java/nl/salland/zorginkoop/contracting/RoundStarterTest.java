package nl.salland.zorginkoop.contracting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.contracting.RoundStarter.RoundRequest;
import nl.salland.zorginkoop.contracting.RoundStarter.Started;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The starts of a batch run in one engine command (one flush): each start still checks the caller's authorizations.
 */
@ZorginkoopTest
class RoundStarterTest {

  @Autowired
  RoundStarter starter;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  private static RoundRequest round(String agbCode) {
    return new RoundRequest(agbCode, Sector.PARAMEDISCHE_ZORG.name(), 2027, "EXISTING", "DIGITAL");
  }

  private long running(RoundRequest round) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(round.businessKey()).count();
  }

  @Test
  void startsEveryRoundOfABatchForStaffOfTheSector() {
    String staff = TestUsers.ensure(identity, "test-para-starter", Sector.PARAMEDISCHE_ZORG.staffGroup());
    List<RoundRequest> rounds = List.of(round(TestAgbCodes.next()), round(TestAgbCodes.next()));
    identity.setAuthentication(staff, List.of(Sector.PARAMEDISCHE_ZORG.staffGroup()));

    Started started = starter.startAll(rounds);

    identity.clearAuthentication();
    assertThat(started).isEqualTo(new Started(2, 0));
    assertThat(rounds).allSatisfy(round -> assertThat(running(round)).isOne());
  }

  @Test
  void aCallerWhoMayNotStartRoundsIsRefusedAndNothingIsStarted() {
    String manager = TestUsers.ensure(identity, "test-manager-starter", Groups.MANAGERS);
    List<RoundRequest> rounds = List.of(round(TestAgbCodes.next()), round(TestAgbCodes.next()));
    identity.setAuthentication(manager, List.of(Groups.MANAGERS));

    assertThatThrownBy(() -> starter.startAll(rounds)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("test-manager-starter");

    identity.clearAuthentication();
    assertThat(rounds).allSatisfy(round -> assertThat(running(round)).isZero());
  }
}
