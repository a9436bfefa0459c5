package nl.salland.zorginkoop.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad case input through Camunda's REST API: a 400 naming the variable, and no instance. */
@ZorginkoopTest
@ExtendWith(OutputCaptureExtension.class)
class EngineRestInputFilterTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  IdentityService identityService;
  @Value("${camunda.bpm.admin-user.id}")
  String admin;
  @Value("${camunda.bpm.admin-user.password}")
  String password;

  @BeforeEach
  void deploy() {
    repositoryService.createDeployment().name("test-tracked-case").enableDuplicateFiltering(true)
        .addClasspathResource("testprocesses/tracked-case.bpmn").deploy();
  }

  /** The tried inputs: variables JSON, and the variable the answer must name. */
  static Stream<Arguments> badStarts() {
    return Stream.of(
        Arguments.of("\"sector\": {\"value\": \"GGZ\"}, \"contractYear\": {\"value\": 2027}", "agbCode"),
        Arguments.of(vars("\"1234567\"", "\"GGZ\"", "2027"), "agbCode"),
        Arguments.of(vars("\"1234567X\"", "\"GGZ\"", "2027"), "agbCode"),
        Arguments.of(vars("12345678", "\"GGZ\"", "2027"), "agbCode"),
        Arguments.of(vars("\"%s\"", "\"TANDARTS\"", "2027"), "sector"),
        Arguments.of(vars("\"%s\"", "\"ggz\"", "2027"), "sector"),
        Arguments.of(vars("\"%s\"", "\"WLZ_GZ\"", "2027"), "sector"),
        Arguments.of(vars("\"%s\"", "\"GGZ\"", "\"volgend jaar\""), "contractYear"),
        Arguments.of(vars("\"%s\"", "\"GGZ\"", "27"), "contractYear"),
        Arguments.of(vars("\"%s\"", "\"GGZ\"", "2027") + ", \"applicationDate\": {\"value\": \"2026-02-31\"}",
            "applicationDate"),
        Arguments.of(vars("\"%s\"", "\"GGZ\"", "2027") + ", \"applicationDate\": {\"value\": \"01-06-2026\"}",
            "applicationDate"),
        Arguments.of(vars("\"%s\"", "\"GGZ\"", "2027") + ", \"expectedOverrun\": {\"value\": -100}",
            "expectedOverrun"),
        Arguments.of(vars("\"%s\"", "\"GGZ\"", "2027") + ", \"hasRevenueCeiling\": {\"value\": \"ja\"}",
            "hasRevenueCeiling"));
  }

  private static String vars(String agb, String sector, String year) {
    return "\"agbCode\": {\"value\": " + agb + "}, \"sector\": {\"value\": " + sector + "}, "
        + "\"contractYear\": {\"value\": " + year + "}";
  }

  @ParameterizedTest
  @MethodSource("badStarts")
  void refusesABadStartNamingTheVariableAndCreatesNothing(String variables, String field) {
    String agb = TestAgbCodes.next();
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("testTrackedCase").count();

    ResponseEntity<Map> response = post("/engine-rest/process-definition/key/testTrackedCase/start",
        "{\"variables\": {" + variables.formatted(agb) + ", \"taskDue\": {\"value\": null}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat((String) response.getBody().get("message")).contains(field + ":");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("testTrackedCase").count())
        .isEqualTo(before);
  }

  @Test
  void startsAValidCase() {
    String agb = TestAgbCodes.next();

    ResponseEntity<Map> response = post("/engine-rest/process-definition/key/testTrackedCase/start",
        "{\"businessKey\": \"" + agb + "-GGZ-2027\", \"variables\": {" + vars("\"" + agb + "\"", "\"GGZ\"", "2027")
            + ", \"offerDue\": {\"value\": \"2026-10-01T00:00:00+02:00\"}"
            + ", \"taskDue\": {\"value\": \"2026-09-15T17:00:00.000+0200\", \"type\": \"Date\"}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(agb + "-GGZ-2027").count())
        .isEqualTo(1);
  }

  @Test
  void refusesABadStartByDefinitionIdAsByKey() {
    ResponseEntity<Map> response = post("/engine-rest/process-definition/" + trackedCaseDefinitionId() + "/start",
        "{\"variables\": {\"sector\": {\"value\": \"GGZ\"}, \"contractYear\": {\"value\": 2027}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "agbCode");
  }

  /** Camunda's own answer, and no engine error in the log for a caller's typing error. */
  @Test
  void leavesAStartOfAnUnknownDefinitionToCamunda(CapturedOutput log) {
    String noVariables = "{\"variables\": {}}";

    assertThat(post("/engine-rest/process-definition/key/noSuchProcess/start", noVariables).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("/engine-rest/process-definition/noSuchProcess:1:1/start", noVariables).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(log.getAll()).doesNotContain("noSuchProcess' and tenant-id").doesNotContain("ENGINE-16004");
  }

  /** A care mediator may read the ceiling-overrun request only: Camunda refuses, and nothing required is named. */
  @Test
  void aCallerWhoMayNotReadTheDefinitionLearnsNoneOfItsRequirements() {
    String mediator = TestUsers.ensure(identityService, "test-zorgbemiddeling", Groups.CARE_MEDIATION);

    for (String path : List.of("key/testTrackedCase", trackedCaseDefinitionId())) {
      ResponseEntity<Map> response = post(mediator, TestUsers.PASSWORD,
          "/engine-rest/process-definition/" + path + "/start", "{\"variables\": {\"sector\": {\"value\": \"GGZ\"}}}");

      // By key Camunda does not find a definition the caller may not read; by id it refuses the start.
      assertThat(response.getStatusCode()).as(path).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
      assertThat(String.valueOf(response.getBody())).as(path).doesNotContain("agbCode");
    }
  }

  @Test
  void refusesABadVariableInAMessage() {
    ResponseEntity<Map> response = post("/engine-rest/message",
        "{\"messageName\": \"TestOfferReceived\", \"businessKey\": \"x\", "
            + "\"processVariables\": {\"notificationDate\": {\"value\": \"2026-13-01\"}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "notificationDate");
  }

  @Test
  void refusesAnOversizedBody() {
    String padding = "x".repeat(EngineRestInputFilter.MAX_BODY_BYTES);

    ResponseEntity<Map> response = post("/engine-rest/message",
        "{\"messageName\": \"TestOfferReceived\", \"padding\": \"" + padding + "\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "body");
  }

  @Test
  void refusesTheSameBadStartFromJavaWithTheSameMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(
            "testTrackedCase", Map.of("agbCode", "123", "sector", "GGZ", "contractYear", 2027)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("agbCode: must be a string of exactly 8 digits");
  }

  private String trackedCaseDefinitionId() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("testTrackedCase").latestVersion()
        .singleResult().getId();
  }

  private ResponseEntity<Map> post(String path, String body) {
    return post(admin, password, path, body);
  }

  private ResponseEntity<Map> post(String user, String userPassword, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, userPassword).postForEntity(path, new HttpEntity<>(body, headers), Map.class);
  }
}
