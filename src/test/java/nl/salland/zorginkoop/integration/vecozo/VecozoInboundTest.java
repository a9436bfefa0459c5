package nl.salland.zorginkoop.integration.vecozo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The endpoints the VECOZO adapter calls: signatures and Wlz registrations. */
@ZorginkoopTest
class VecozoInboundTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;

  private final String agb = TestAgbCodes.next();
  private String adapter;
  private String deploymentId;

  @BeforeEach
  void technicalUser() {
    adapter = TestUsers.ensure(identity, "test-vecozo-adapter", Groups.SYSTEM_INTEGRATIONS);
  }

  @AfterEach
  void removeTestProcess() {
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void correlatesTheSignatureOnceAndAnswersADuplicateDeliveryWithoutCorrelatingAgain() {
    ProcessInstance pi = startWaitingForTwoSignatures(agb + "-GGZ-2027");
    String notice = signature("VZ-" + agb, agb, "GGZ");

    ResponseEntity<Map> first = post("/api/vecozo/signatures", adapter, notice);
    ResponseEntity<Map> again = post("/api/vecozo/signatures", adapter, notice);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody()).containsEntry("status", "CORRELATED").containsEntry("processInstanceId", pi.getId())
        .containsEntry("businessKey", agb + "-GGZ-2027");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("status", "ALREADY_RECEIVED")
        .containsEntry("processInstanceId", pi.getId());
    // A second correlation would have moved the case past the second signature event.
    assertThat(pi).isWaitingAt("Catch_SecondSignature");
    assertThat(runtime.getVariable(pi.getId(), "signedAt")).isEqualTo("2026-11-10T14:30:00+01:00");
  }

  @Test
  void aSignatureWithoutARunningCaseIsAnsweredNotFound() {
    ResponseEntity<Map> response = post("/api/vecozo/signatures", adapter, signature("VZ-" + agb, agb, "GGZ"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("status", "NO_MATCHING_CASE")
        .containsEntry("message", "Geen lopende zaak " + agb + "-GGZ-2027");
  }

  @Test
  void aSignatureForACaseThatDoesNotWaitForOneIsAnsweredConflict() {
    deploy(Bpmn.createExecutableProcess(testKey()).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_Busy").endEvent().done());
    ProcessInstance pi = runtime.startProcessInstanceByKey(deployedKey, agb + "-GGZ-2027");

    ResponseEntity<Map> response = post("/api/vecozo/signatures", adapter, signature("VZ-" + agb, agb, "GGZ"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getBody()).containsEntry("status", "CASE_NOT_WAITING");
    assertThat((String) response.getBody().get("message")).startsWith("Zaak " + agb + "-GGZ-2027 wacht niet");
    assertThat(pi).isWaitingAt("Task_Busy");
  }

  static Stream<Arguments> badSignatures() {
    String ok = "\"proposalId\": \"VZ-1\", \"agbCode\": \"%s\", \"sector\": \"GGZ\", \"contractYear\": 2027, "
        + "\"signedAt\": \"2026-11-10T14:30:00+01:00\"";
    return Stream.of(
        Arguments.of("{" + ok.replace("\"proposalId\": \"VZ-1\", ", "") + "}", "proposalId"),
        Arguments.of("{" + ok.replace("\"%s\"", "\"1234567\"") + "}", "agbCode"),
        Arguments.of("{" + ok.replace("\"GGZ\"", "\"TANDARTS\"") + "}", "sector"),
        Arguments.of("{" + ok.replace("2027", "\"2027\"") + "}", "contractYear"),
        Arguments.of("{" + ok.replace("2026-11-10T14:30:00+01:00", "10-11-2026") + "}", "signedAt"),
        Arguments.of("{" + ok + ", \"ondertekend\": true}", "ondertekend"),
        Arguments.of("[]", "body"),
        Arguments.of("{\"proposalId\": ", "body"));
  }

  @ParameterizedTest
  @MethodSource("badSignatures")
  void refusesABadSignatureNamingTheFieldAndCorrelatesNothing(String body, String field) {
    ProcessInstance pi = startWaitingForTwoSignatures(agb + "-GGZ-2027");

    ResponseEntity<Map> response = post("/api/vecozo/signatures", adapter, body.formatted(agb));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat((String) response.getBody().get("message")).startsWith(field + ":");
    assertThat(pi).isWaitingAt("Catch_FirstSignature");
  }

  @Test
  void onlyTechnicalUsersAndAdministratorsMayDeliver() {
    String staff = TestUsers.ensure(identity, "test-wlz", Sector.WLZ_GZ.staffGroup());
    String notice = signature("VZ-" + agb, agb, "GGZ");

    assertThat(rest.postForEntity("/api/vecozo/signatures", json(notice), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post("/api/vecozo/signatures", staff, notice).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("/api/vecozo/wlz-registrations", staff, registration(agb)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aWlzRegistrationStartsTheProcessOnceWithTheContractStartVariables() {
    ResponseEntity<Map> started = post("/api/vecozo/wlz-registrations", adapter, registration(agb));
    ResponseEntity<Map> again = post("/api/vecozo/wlz-registrations", adapter, registration(agb));

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(started.getBody()).containsEntry("status", "STARTED")
        .containsEntry("businessKey", agb + "-WLZ_GZ-2027");
    String instanceId = (String) started.getBody().get("processInstanceId");
    // The real process: it accepted the start variables and waits before determining the provider category.
    ProcessInstance wlzCase = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(wlzCase.getProcessDefinitionId()).startsWith(WlzRegistrations.PROCESS_KEY + ":");
    assertThat(wlzCase).isWaitingAt("Task_DetermineCategory");
    assertThat(runtime.getVariables(instanceId)).containsEntry("agbCode", agb).containsEntry("contractYear", 2027)
        .containsEntry("registeredAt", "2026-03-02T09:15:00+01:00").containsEntry("complete", true)
        .containsEntry("contractWithThisOffice", false).containsEntry("wlzRevenuePreviousYear", 250000L)
        .containsEntry("clusterStartingPercentage", 96.5).containsEntry("sector", "WLZ_GZ")
        .doesNotContainKey("contractWithOtherOffice");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("status", "ALREADY_RUNNING")
        .containsEntry("processInstanceId", instanceId);
    runtime.deleteProcessInstance(instanceId, "test done");
  }

  static Stream<Arguments> badRegistrations() {
    return Stream.of(
        Arguments.of("{\"contractYear\": 2027, \"registeredAt\": \"2026-03-02T09:15:00\", \"complete\": true}",
            "agbCode"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 27, \"registeredAt\": \"2026-03-02T09:15:00\", "
            + "\"complete\": true}", "contractYear"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 2027, \"registeredAt\": \"maart\", "
            + "\"complete\": true}", "registeredAt"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 2027, \"registeredAt\": \"2026-03-02T09:15:00\"}",
            "complete"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 2027, \"registeredAt\": \"2026-03-02T09:15:00\", "
            + "\"complete\": \"ja\"}", "complete"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 2027, \"registeredAt\": \"2026-03-02T09:15:00\", "
            + "\"complete\": true, \"wlzRevenuePreviousYear\": -1}", "wlzRevenuePreviousYear"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 2027, \"registeredAt\": \"2026-03-02T09:15:00\", "
            + "\"complete\": true, \"contractWithThisOffice\": \"nee\"}", "contractWithThisOffice"),
        Arguments.of("{\"agbCode\": \"%s\", \"contractYear\": 2027, \"registeredAt\": \"2026-03-02T09:15:00\", "
            + "\"complete\": true, \"sector\": \"WLZ_GZ\"}", "sector"));
  }

  @ParameterizedTest
  @MethodSource("badRegistrations")
  void refusesABadWlzRegistrationNamingTheFieldAndStartsNothing(String body, String field) {
    ResponseEntity<Map> response = post("/api/vecozo/wlz-registrations", adapter, body.formatted(agb));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(agb + "-WLZ_GZ-2027").count())
        .isZero();
  }

  private String deployedKey;

  private ProcessInstance startWaitingForTwoSignatures(String businessKey) {
    deploy(Bpmn.createExecutableProcess(testKey()).camundaHistoryTimeToLive(1).startEvent()
        .intermediateCatchEvent("Catch_FirstSignature").message(ContractSignatures.MESSAGE)
        .intermediateCatchEvent("Catch_SecondSignature").message(ContractSignatures.MESSAGE)
        .endEvent().done());
    return runtime.startProcessInstanceByKey(deployedKey, businessKey);
  }

  private static String testKey() {
    return "signatureTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private void deploy(BpmnModelInstance model) {
    deployedKey = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next()
        .getId();
    deploymentId = repository.createDeployment().addModelInstance(deployedKey + ".bpmn", model).deploy().getId();
  }

  private static String signature(String proposalId, String agbCode, String sector) {
    return """
        {"proposalId": "%s", "agbCode": "%s", "sector": "%s", "contractYear": 2027,
         "signedAt": "2026-11-10T14:30:00+01:00"}""".formatted(proposalId, agbCode, sector);
  }

  private static String registration(String agbCode) {
    return """
        {"agbCode": "%s", "contractYear": 2027, "registeredAt": "2026-03-02T09:15:00+01:00", "complete": true,
         "contractWithThisOffice": false, "wlzRevenuePreviousYear": 250000, "clusterStartingPercentage": 96.5}"""
        .formatted(agbCode);
  }

  private ResponseEntity<Map> post(String path, String user, String body) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity(path, json(body), Map.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
