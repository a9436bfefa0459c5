package nl.salland.zorginkoop.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/** Every group finds its four filters in Tasklist, and "Verlopen" holds the tasks past their due date. */
@ZorginkoopTest
class TasklistFiltersTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void everyGroupHasItsFourFilters() {
    for (String group : List.of(Sector.GGZ.staffGroup(), Sector.WLZ_GZ.staffGroup(), Groups.MANAGERS)) {
      String user = TestUsers.ensure(identityService, "test-filters-" + group, group);
      assertThat(filters(user)).extracting(f -> f.get("name"))
          .containsExactlyInAnyOrder("Mijn sector", "Verloopt deze week", "Verlopen", "Escalaties");
    }
  }

  @Test
  void theOverdueFilterHoldsATaskPastItsDueDateOfTheOwnSectorOnly() {
    String ggz = TestUsers.ensure(identityService, "test-filters-ggz", Sector.GGZ.staffGroup());
    String para = TestUsers.ensure(identityService, "test-filters-para", Sector.PARAMEDISCHE_ZORG.staffGroup());
    // A reflection rung opened in October 2026 is due four weeks later: overdue by now.
    ProcessDriver.at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    String ladder = runtimeService.startProcessInstanceByKey("escalationLadder", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "contractingMode", "FACE_TO_FACE")).getId();
    ProcessDriver.at("2026-11-10T09:00:00+01:00");

    assertThat(taskProcessInstances(ggz, "Verlopen")).contains(ladder);
    assertThat(taskProcessInstances(ggz, "Escalaties")).contains(ladder);
    assertThat(taskProcessInstances(para, "Verlopen")).doesNotContain(ladder);
  }

  private List<Map<String, Object>> filters(String user) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/engine-rest/filter", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
  }

  private List<String> taskProcessInstances(String user, String filterName) {
    String id = (String) filters(user).stream().filter(f -> filterName.equals(f.get("name"))).findFirst()
        .orElseThrow().get("id");
    return rest.withBasicAuth(user, TestUsers.PASSWORD).exchange("/engine-rest/filter/" + id + "/list?maxResults=1000",
            HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody().stream()
        .map(t -> (String) t.get("processInstanceId")).toList();
  }
}
