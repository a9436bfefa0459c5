package nl.salland.zorginkoop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Completing a staff task through Camunda's REST API, as Tasklist does, with the task's required variables (the joint
 * reflection of the escalation ladder: {@code resolved} and {@code reflectionNotes}): checked under the caller's own
 * authorizations before Camunda completes the task.
 */
@ZorginkoopTest
class TaskCompletionInputTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ProcessDriver driver;

  private String ggzStaff;
  private String shortTermStaff;
  private ProcessInstance ladder;
  private String taskId;

  @BeforeEach
  void ladderAtTheJointReflection() {
    ggzStaff = TestUsers.ensure(identity, "test-ggz", Sector.GGZ.staffGroup());
    shortTermStaff = TestUsers.ensure(identity, "test-kz", Sector.KORTDURENDE_ZORG.staffGroup());
    ProcessDriver.at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    ladder = runtime.startProcessInstanceByKey("escalationLadder", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "contractingMode", "FACE_TO_FACE"));
    driver.runDueJobs(ladder);
    taskId = driver.task(ladder, "Task_JointReflection").getId();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRequiredVariableNeitherSentNorInTheCaseIsRefusedByNameAndTheTaskStaysOpen() {
    ResponseEntity<Map> answer = complete(ggzStaff, "{\"variables\": {\"resolved\": {\"value\": true}}}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", "reflectionNotes");
    assertThat(ladder).isWaitingAt("Task_JointReflection");
  }

  @Test
  void aRequiredVariableAlreadyInTheCaseNeedNotBeSentAgain() {
    runtime.setVariable(ladder.getId(), "reflectionNotes", "Vastgelegd in het gesprek van 2 oktober");

    ResponseEntity<Map> answer = complete(ggzStaff, "{\"variables\": {\"resolved\": {\"value\": true}}}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ladder).isEnded();
  }

  @Test
  void aCompleteFormCompletesTheTask() {
    ResponseEntity<Map> answer = complete(ggzStaff,
        "{\"variables\": {\"resolved\": {\"value\": true}, \"reflectionNotes\": {\"value\": \"Opgelost\"}}}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(ladder).isEnded();
  }

  @Test
  void staffOfAnotherSectorGetCamundasRefusalNotTheTasksRequirements() {
    ResponseEntity<Map> answer = complete(shortTermStaff, "{\"variables\": {}}");

    assertThat(answer.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(String.valueOf(answer.getBody())).doesNotContain("reflectionNotes");
    assertThat(ladder).isWaitingAt("Task_JointReflection");
  }

  private ResponseEntity<Map> complete(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/engine-rest/task/" + taskId + "/complete",
        new HttpEntity<>(body, headers), Map.class);
  }
}
