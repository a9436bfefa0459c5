package nl.salland.zorginkoop.reliability;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Two changes to one case at the same moment: exactly one wins, the other gets a clear answer (a duplicate, or a 409
 * saying another change went first, never a 500) and nothing is stored twice or lost. Each test releases both requests
 * at one barrier and is repeated, so that both orders and the real overlap occur; the assertions hold for all of them.
 * The budget race (two grants against the last of the transition budget) is in TransitionBudgetsTest.
 */
@ZorginkoopTest
class ConcurrentChangesTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;
  @Autowired
  HistoryService history;
  @Autowired
  ProcessDriver driver;

  private String adapter;
  private static final int REPEATS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeEach
  void users() {
    adapter = TestUsers.ensure(identity, "test-vecozo-adapter", Groups.SYSTEM_INTEGRATIONS);
    TestUsers.ensure(identity, "test-ggz", Sector.GGZ.staffGroup());
    TestUsers.ensure(identity, "test-ggz-2", Sector.GGZ.staffGroup());
  }

  @AfterEach
  void cleanUp() {
    pool.shutdownNow();
    ClockUtil.reset();
  }

  @RepeatedTest(REPEATS)
  void ofTheSameSignatureDeliveredTwiceAtOnceOneIsCorrelatedAndTheOtherIsADuplicate() throws Exception {
    ProcessInstance round = roundAwaitingSignature();
    String notice = signature(round, "VZ-" + round.getBusinessKey(), "2026-11-02T10:00:00+01:00");

    List<Answer> answers = atOnce(i -> post("/api/vecozo/signatures", adapter, notice));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    assertThat(answers).extracting(answer -> answer.body().get("status"))
        .containsExactlyInAnyOrder("CORRELATED", "ALREADY_RECEIVED");
    assertSignedOnce(round);
  }

  @RepeatedTest(REPEATS)
  void ofTwoSignaturesForOneCaseAtOnceOneIsCorrelatedAndTheOtherIsRefusedWithAConflict() throws Exception {
    ProcessInstance round = roundAwaitingSignature();
    String[] signedAt = {"2026-11-02T10:00:00+01:00", "2026-11-02T10:00:01+01:00"};

    List<Answer> answers = atOnce(i -> post("/api/vecozo/signatures", adapter,
        signature(round, "VZ-" + round.getBusinessKey() + "-" + i, signedAt[i])));

    assertThat(answers).extracting(answer -> answer.status()).containsExactlyInAnyOrder(200, 409);
    Answer winner = answers.stream().filter(a -> a.status() == 200).findFirst()
        .orElseThrow();
    Answer loser = answers.stream().filter(a -> a.status() == 409).findFirst()
        .orElseThrow();
    assertThat(winner.body()).containsEntry("status", "CORRELATED");
    assertThat(loser.body()).containsEntry("status", "CASE_NOT_WAITING");
    assertThat((String) loser.body().get("message")).startsWith("Zaak " + round.getBusinessKey());
    assertThat(driver.variable(round, "signedAt")).isEqualTo(signedAt[answers.indexOf(winner)]);
    assertSignedOnce(round);
  }

  /**
   * Straight through Camunda's REST API nothing makes the two wait for each other: the engine's optimistic locking
   * decides. One is correlated, never both; the other is refused with 409 (collided on write), 400 (the case had
   * already moved on) or, when it read the case while the winner was committing, an engine error (500). Systems that
   * deliver signatures use {@code /api/vecozo/signatures}, which handles them one after the other.
   */
  @RepeatedTest(REPEATS)
  void ofTwoContractSignedMessagesThroughTheEngineRestApiOneIsCorrelatedAndTheOtherIsRefused() throws Exception {
    ProcessInstance round = roundAwaitingSignature();
    String[] signedAt = {"2026-11-02T10:00:00+01:00", "2026-11-02T10:00:01+01:00"};

    List<Answer> answers = atOnce(i -> post("/engine-rest/message", adapter, """
        {"messageName": "ContractSigned", "businessKey": "%s", "resultEnabled": true,
         "processVariables": {"signedAt": {"value": "%s", "type": "String"}}}"""
        .formatted(round.getBusinessKey(), signedAt[i])));

    assertThat(answers).extracting(answer -> answer.status()).containsOnlyOnce(200);
    Answer loser = answers.stream().filter(a -> a.status() != 200).findFirst().orElseThrow();
    assertThat(loser.status()).as("%s", loser.body()).isIn(400, 409, 500);
    if (loser.status() == 409) {
      assertThat((String) loser.body().get("message")).startsWith("Tegelijk gewijzigd");
    }
    assertThat(driver.variable(round, "signedAt")).isEqualTo(signedAt[answers.indexOf(
        answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow())]);
    assertSignedOnce(round);
  }

  @RepeatedTest(REPEATS)
  void ofTwoStaffCompletingOneTaskAtOnceOneWinsAndTheOtherIsTold() throws Exception {
    at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance ladder = runtime.startProcessInstanceByKey("escalationLadder", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "contractingMode", "FACE_TO_FACE"));
    driver.runDueJobs(ladder);
    String taskId = driver.task(ladder, "Task_JointReflection").getId();
    String[] staff = {"test-ggz", "test-ggz-2"};
    String[] notes = {"Opgelost in gesprek", "Geen akkoord"};
    boolean[] resolved = {true, false};

    List<Answer> answers = atOnce(i -> post("/engine-rest/task/" + taskId + "/complete", staff[i], """
        {"variables": {"resolved": {"value": %s}, "reflectionNotes": {"value": "%s"}}}"""
        .formatted(resolved[i], notes[i])));

    assertThat(answers).extracting(answer -> answer.status()).containsOnlyOnce(204);
    int winner = answers.get(0).status() == 204 ? 0 : 1;
    Answer loser = answers.get(1 - winner);
    // 409 when both were in flight together, 404 "task not found" when the winner had already committed (also when
    // the loser ran into an engine error on the way: EngineRestErrorsTest)
    assertThat(loser.status()).as("%s", loser.body()).isIn(404, 409);
    assertThat((String) loser.body().get("message")).isNotBlank();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
        .as("the task went to whoever completed it").isIn(staff[winner], null);
    assertThat(driver.variable(ladder, "reflectionNotes")).isEqualTo(notes[winner]);
    if (resolved[winner]) {
      assertThat(ladder).isEnded();
    } else {
      // the next rung starts without an answer of its own (it removes "resolved")
      assertThat(ladder).isWaitingAt("Task_ExecutiveEscalation");
    }
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(ladder.getId())
        .activityId("Task_JointReflection").finished().count()).isOne();
  }

  private ProcessInstance roundAwaitingSignature() {
    at("2026-09-15T10:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance round = runtime.startProcessInstanceByKey("contractingRound", agb + "-PARAMEDISCHE_ZORG-2027",
        Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027, "providerStatus", "EXISTING",
            "contractingMode", "DIGITAL"));
    driver.runDueJobs(round);
    assertThat(runtime.createExecutionQuery().processInstanceId(round.getId()).activityId("Task_AwaitSignatureDigital")
        .count()).isOne();
    return round;
  }

  /** The case passed the signature step exactly once. */
  private void assertSignedOnce(ProcessInstance round) {
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(round.getId())
        .activityId("Task_AwaitSignatureDigital").finished().count()).isOne();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(round.getId())
        .activityId("Gateway_Signed").count()).isOne();
  }

  /** Sends two requests released at one barrier and returns their answers in request order. */
  private List<Answer> atOnce(Function<Integer, Answer> request) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    List<Future<Answer>> futures = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int index = i;
      futures.add(pool.submit(() -> {
        barrier.await(10, TimeUnit.SECONDS);
        return request.apply(index);
      }));
    }
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> future : futures) {
      answers.add(future.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static String signature(ProcessInstance round, String proposalId, String signedAt) {
    String agb = round.getBusinessKey().substring(0, 8);
    return """
        {"proposalId": "%s", "agbCode": "%s", "sector": "PARAMEDISCHE_ZORG", "contractYear": 2027,
         "signedAt": "%s"}""".formatted(proposalId, agb, signedAt);
  }

  /** An HTTP status with the JSON object of the answer (empty for an answer without one). */
  record Answer(int status, Map<String, Object> body) {
  }

  private Answer post(String path, String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity(path,
        new HttpEntity<>(body, headers), String.class);
    try {
      JsonNode json = JSON.readTree(response.getBody() == null ? "{}" : response.getBody());
      Map<String, Object> fields = json.isObject() ? JSON.convertValue(json, Map.class) : Map.of();
      return new Answer(response.getStatusCode().value(), fields);
    } catch (JsonProcessingException e) {
      throw new AssertionError("no JSON: " + response.getBody(), e);
    }
  }
}
