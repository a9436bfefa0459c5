package nl.salland.zorginkoop.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import nl.salland.zorginkoop.process.ProcessDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An outside system is down for a while: the step is retried with back-off, becomes an incident, and once the system
 * is back an operator's retry (what Cockpit's "Retry" does: new retries for the job through the REST API) finishes
 * the case, without a second proposal or report.
 */
@ZorginkoopTest
class RemoteOutageTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcClient jdbc;
  @Value("${camunda.bpm.admin-user.id}")
  String admin;
  @Value("${camunda.bpm.admin-user.password}")
  String adminPassword;

  private final WireMockServer remote = RemoteStandIns.wireMock();
  private StubMapping outage;

  @AfterEach
  void cleanUp() {
    if (outage != null) {
      remote.removeStub(outage);
    }
    ClockUtil.reset();
  }

  @Test
  void aProposalPublishedAfterVecozoWasDownGoesOutOnce() {
    at("2026-09-15T10:00:00+02:00");
    String agb = TestAgbCodes.next();
    outage = remote.stubFor(post(urlPathEqualTo("/vecozo/proposals")).withRequestBody(containing(agb)).atPriority(1)
        .willReturn(aResponse().withStatus(503).withBody("Gepland onderhoud")));
    ProcessInstance round = runtimeService.startProcessInstanceByKey("contractingRound",
        agb + "-PARAMEDISCHE_ZORG-2027", Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027,
            "providerStatus", "EXISTING", "contractingMode", "DIGITAL"));

    Incident incident = failUntilIncident(round);
    assertThat(incident.getActivityId()).isEqualTo("Task_PublishProposal");
    assertThat(incident.getIncidentMessage()).contains("503");

    remote.removeStub(outage);
    outage = null;
    retryLikeCockpit(incident.getConfiguration());
    driver.runDueJobs(round);

    assertThat(round).isWaitingAt("Task_AwaitSignatureDigital");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(round.getId()).count()).isZero();
    String key = round.getId() + ":Task_PublishProposal";
    assertThat(remote.findAll(postRequestedFor(urlPathEqualTo("/vecozo/proposals"))
        .withHeader("Idempotency-Key", equalTo(key))))
        .as("five failed attempts and one that went through, all under the same key").hasSize(6);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM zi_remote_call WHERE idempotency_key = :key").param("key", key)
        .query(Long.class).single()).isOne();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM zi_mail_outbox WHERE process_instance_id = :pi AND template = "
        + "'proposal-published'").param("pi", round.getId()).query(Long.class).single()).isOne();
  }

  @Test
  void anNzaReportFiledAfterTheNzaTimedOutIsFiledOnce() {
    // just past the 2 s read timeout of the test profile
    at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    outage = remote.stubFor(post(urlPathMatching("/nza/reports")).withRequestBody(containing(agb)).atPriority(1)
        .willReturn(aResponse().withStatus(200).withFixedDelay(2_500)));
    ProcessInstance ladder = runtimeService.startProcessInstanceByKey("escalationLadder", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "contractingMode", "FACE_TO_FACE"));
    driver.complete(ladder, "Task_JointReflection", Map.of("resolved", false, "reflectionNotes", "Vastgelopen"));
    taskComplete(ladder, "Task_ExecutiveEscalation", Map.of("resolved", false, "executiveNotes", "Geen akkoord"));

    Incident incident = failUntilIncident(ladder);
    assertThat(incident.getActivityId()).isEqualTo("Task_ReportToNza");

    remote.removeStub(outage);
    outage = null;
    retryLikeCockpit(incident.getConfiguration());
    driver.runDueJobs(ladder);

    assertThat(ladder).isEnded().hasPassed("EndEvent_ReportedToNza");
    assertThat(driver.variable(ladder, "nzaReportReference")).isNotNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM zi_remote_call WHERE idempotency_key = :key")
        .param("key", ladder.getId() + ":Task_ReportToNza").query(Long.class).single()).isOne();
  }

  /** Completes the task without running the jobs after it (the test runs them itself). */
  private void taskComplete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    taskService.complete(driver.task(instance, taskKey).getId(), variables);
  }

  /** Runs the failing job through all its retries, letting each back-off pass, until it becomes an incident. */
  private Incident failUntilIncident(ProcessInstance instance) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Job job = managementService.createJobQuery().processInstanceId(instance.getId()).withRetriesLeft()
          .orderByJobDuedate().asc().list().stream().findFirst().orElse(null);
      if (job == null) {
        break;
      }
      if (job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(job.getDuedate());
      }
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the remote is down: the engine counts down the retries
      }
    }
    return runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Cockpit's "Retry": new retries for the failed job, due at once, through the REST API, as an administrator. */
  private void retryLikeCockpit(String jobId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var answer = rest.withBasicAuth(admin, adminPassword).exchange("/engine-rest/job/" + jobId + "/retries",
        HttpMethod.PUT, new HttpEntity<>("{\"retries\": 1, \"dueDate\": null}", headers), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }
}
