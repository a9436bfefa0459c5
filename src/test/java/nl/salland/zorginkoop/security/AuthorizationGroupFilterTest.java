package nl.salland.zorginkoop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class AuthorizationGroupFilterTest {

  static final String GROUP_WITHOUT_AUTHORIZATIONS = "groep-zonder-rechten";

  @Autowired
  ProcessEngine engine;

  @Test
  void aUsersFewGroupsArePassedOnWithoutReadingEveryAuthorization() {
    String staff = Sector.PARAMEDISCHE_ZORG.staffGroup();

    assertThat(filtered(List.of(staff, GROUP_WITHOUT_AUTHORIZATIONS, staff)))
        .containsExactly(staff, GROUP_WITHOUT_AUTHORIZATIONS);
  }

  @Test
  void aUserInManyGroupsGetsCamundasFilter() {
    List<String> groups = new ArrayList<>(IntStream.rangeClosed(1, AuthorizationGroupFilter.UNFILTERED_UP_TO)
        .mapToObj(i -> "directory-group-" + i).toList());
    groups.add(Sector.GGZ.staffGroup());

    assertThat(filtered(groups)).containsExactly(Sector.GGZ.staffGroup());
  }

  @Test
  void aGroupWithoutAuthorizationsOpensNoOtherSectorsCase() {
    engine.getRepositoryService().createDeployment().name("test-tracked-case").enableDuplicateFiltering(true)
        .addClasspathResource("testprocesses/tracked-case.bpmn").deploy();
    String agb = TestAgbCodes.next();
    String ggzCase = engine.getRuntimeService().startProcessInstanceByKey("testTrackedCase", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "taskDue", new Date(),
            "offerDue", "2026-10-01T00:00:00+02:00")).getId();

    assertThat(instancesSeenBy(List.of(Sector.GGZ.staffGroup(), GROUP_WITHOUT_AUTHORIZATIONS), ggzCase)).isOne();
    assertThat(instancesSeenBy(List.of(Sector.HUISARTSENZORG.staffGroup(), GROUP_WITHOUT_AUTHORIZATIONS), ggzCase))
        .isZero();
  }

  private List<String> filtered(List<String> groups) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
  }

  private long instancesSeenBy(List<String> groups, String instanceId) {
    engine.getIdentityService().setAuthentication("test-group-filter", groups);
    try {
      return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
