package nl.salland.zorginkoop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.HistoryService;
import nl.salland.zorginkoop.process.ProcessDriver;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

@ZorginkoopTest
class AuditTrailTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ProcessDriver driver;

  @Test
  void showsWhoStartedCompletedAndChangedACase() throws Exception {
    String staff = TestUsers.ensure(identityService, "test-ggz", Sector.GGZ.staffGroup());
    repositoryService.createDeployment().name("test-tracked-case").enableDuplicateFiltering(true)
        .addClasspathResource("testprocesses/tracked-case.bpmn").deploy();
    String agb = TestAgbCodes.next();
    Map<?, ?> started = post(staff, "/engine-rest/process-definition/key/testTrackedCase/start",
        "{\"businessKey\": \"" + agb + "-GGZ-2027\", \"variables\": {\"agbCode\": {\"value\": \"" + agb + "\"},"
            + "\"sector\": {\"value\": \"GGZ\"}, \"contractYear\": {\"value\": 2027},"
            + "\"offerDue\": {\"value\": \"2026-10-01T00:00:00+02:00\"},"
            + "\"taskDue\": {\"value\": \"2026-09-15T17:00:00.000+0200\", \"type\": \"Date\"}}}");
    String instanceId = (String) started.get("id");
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    post(staff, "/engine-rest/process-instance/" + instanceId + "/variables",
        "{\"modifications\": {\"offerDue\": {\"value\": \"2026-10-15T00:00:00+02:00\"}}}");
    post(staff, "/engine-rest/task/" + taskId + "/complete", "{\"variables\": {}}");

    List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery().processInstanceId(instanceId)
        .list();
    assertThat(log).extracting(UserOperationLogEntry::getOperationType)
        .contains(UserOperationLogEntry.OPERATION_TYPE_CREATE, UserOperationLogEntry.OPERATION_TYPE_MODIFY_VARIABLE,
            UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    assertThat(log).extracting(UserOperationLogEntry::getUserId).containsOnly(staff);
  }

  @Test
  void showsWhoReportedAStalledRound() throws Exception {
    ProcessDriver.at("2026-09-15T10:00:00+02:00");
    String staff = TestUsers.ensure(identityService, "test-para", Sector.PARAMEDISCHE_ZORG.staffGroup());
    String agb = TestAgbCodes.next();
    String businessKey = agb + "-PARAMEDISCHE_ZORG-2027";
    Map<?, ?> started = post(staff, "/engine-rest/process-definition/key/contractingRound/start",
        "{\"businessKey\": \"" + businessKey + "\", \"variables\": {\"agbCode\": {\"value\": \"" + agb + "\"},"
            + "\"sector\": {\"value\": \"PARAMEDISCHE_ZORG\"}, \"contractYear\": {\"value\": 2027},"
            + "\"providerStatus\": {\"value\": \"EXISTING\"}, \"contractingMode\": {\"value\": \"DIGITAL\"}}}");

    driver.runDueJobs(runtimeService.createProcessInstanceQuery().processInstanceId((String) started.get("id"))
        .singleResult());
    post(staff, "/engine-rest/message", "{\"messageName\": \"ProcessStalled\", \"businessKey\": \"" + businessKey
        + "\", \"processVariables\": {\"stalledReason\": {\"value\": \"Praktijk reageert niet\"}}}");

    var reportedBy = historyService.createHistoricVariableInstanceQuery().processInstanceId((String) started.get("id"))
        .variableName("stalledReportedBy").singleResult();
    assertThat(reportedBy.getValue()).isEqualTo(staff);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId((String) started.get("id"))
        .variableName("stalledReason").singleResult().getValue()).isEqualTo("Praktijk reageert niet");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void historyHasATimeToLiveAndANightlyCleanup() {
    assertThat(historyService.findHistoryCleanupJobs()).isNotEmpty();
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isNotNull().isPositive());
    assertThat(repositoryService.createDecisionDefinitionQuery().list())
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).isNotNull().isPositive());
  }

  private Map<?, ?> post(String user, String path, String json) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response = rest.withBasicAuth(user, TestUsers.PASSWORD)
        .postForEntity(path, new HttpEntity<>(json, headers), String.class);
    return response.getBody() == null || response.getBody().isBlank() ? Map.of()
        : new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.getBody(), Map.class);
  }
}
