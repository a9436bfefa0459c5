package nl.salland.zorginkoop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who may see and do what through the REST API: staff only their own sector's cases (instances, variables, tasks,
 * history), managers read everything but complete and deploy nothing, process owners deploy.
 */
@ZorginkoopTest
class SectorAccessTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;

  String ggzStaff;
  String shortTermStaff;
  String manager;
  String processOwner;
  String instanceId;

  @BeforeEach
  void ggzCase() {
    ggzStaff = TestUsers.ensure(identityService, "test-ggz", Sector.GGZ.staffGroup());
    shortTermStaff = TestUsers.ensure(identityService, "test-kz", Sector.KORTDURENDE_ZORG.staffGroup());
    manager = TestUsers.ensure(identityService, "test-manager", Groups.MANAGERS);
    processOwner = TestUsers.ensure(identityService, "test-procesbeheer", Groups.PROCESS_OWNERS);
    repositoryService.createDeployment().name("test-tracked-case").enableDuplicateFiltering(true)
        .addClasspathResource("testprocesses/tracked-case.bpmn").deploy();
    String agb = TestAgbCodes.next();
    instanceId = runtimeService.startProcessInstanceByKey("testTrackedCase", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
            "taskDue", Date.from(OffsetDateTime.parse("2026-09-15T17:00:00+02:00").toInstant()),
            "offerDue", "2026-10-01T00:00:00+02:00")).getId();
  }

  @Test
  void staffReadTheirOwnSectorsCase() {
    assertThat(ids(ggzStaff, "/engine-rest/process-instance?processDefinitionKey=testTrackedCase"))
        .contains(instanceId);
    assertThat(get(ggzStaff, "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get(ggzStaff, "/engine-rest/history/process-instance/" + instanceId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(ids(ggzStaff, "/engine-rest/task?processInstanceId=" + instanceId)).hasSize(1);
  }

  @Test
  void staffOfAnotherSectorSeeNothingOfTheCase() {
    assertThat(ids(shortTermStaff, "/engine-rest/process-instance?processDefinitionKey=testTrackedCase"))
        .doesNotContain(instanceId);
    assertThat(get(shortTermStaff, "/engine-rest/process-instance/" + instanceId).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(get(shortTermStaff, "/engine-rest/process-instance/" + instanceId + "/variables").getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(ids(shortTermStaff, "/engine-rest/history/process-instance?processInstanceId=" + instanceId))
        .isEmpty();
    assertThat(ids(shortTermStaff, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId))
        .isEmpty();
    assertThat(ids(shortTermStaff, "/engine-rest/task?processInstanceId=" + instanceId)).isEmpty();
    assertThat(ids(shortTermStaff, "/engine-rest/history/task?processInstanceId=" + instanceId)).isEmpty();
  }

  @Test
  void managersReadEverythingButCompleteAndDeployNothing() {
    assertThat(ids(manager, "/engine-rest/process-instance?processDefinitionKey=testTrackedCase"))
        .contains(instanceId);
    assertThat(ids(manager, "/engine-rest/history/variable-instance?processInstanceId=" + instanceId)).isNotEmpty();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();

    assertThat(post(manager, "/engine-rest/task/" + taskId + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy(manager, "manager.bpmn", validProcess("testManagerDeploy", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy(ggzStaff, "staff.bpmn", validProcess("testStaffDeploy", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void processOwnersDeployAndAMalformedDiagramChangesNothing() {
    String key = "testOwnerDeploy" + Math.abs(instanceId.hashCode());
    ResponseEntity<String> good = deploy(processOwner, key + ".bpmn", validProcess(key, "Versie 1"));
    assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> bad = deploy(processOwner, key + ".bpmn",
        validProcess(key, "Versie 2").replace("<bpmn:startEvent id=\"StartEvent_Start\"/>", "<bpmn:startEvent"));
    ResponseEntity<String> invalid = deploy(processOwner, key + ".bpmn",
        validProcess(key, "Versie 3").replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:historyTimeToLive=\"-1\""));

    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getName()).isEqualTo("Versie 1");
  }

  @Test
  void aMalformedDecisionTableChangesNothing() {
    String key = "testOwnerDecision" + Math.abs(instanceId.hashCode());
    ResponseEntity<String> good = deploy(processOwner, key + ".dmn", validDecision(key, "Versie 1"));
    assertThat(good.getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> unreadable = deploy(processOwner, key + ".dmn",
        validDecision(key, "Versie 2").replace("</decision>", "<decision>"));
    ResponseEntity<String> invalid = deploy(processOwner, key + ".dmn",
        validDecision(key, "Versie 3").replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\""));

    assertThat(unreadable.getStatusCode()).as(unreadable.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unreadable.getBody()).contains(key + ".dmn");
    assertThat(invalid.getStatusCode()).as(invalid.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getBody()).contains(key + ".dmn").contains("SOMETIMES");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion()
        .singleResult().getName()).isEqualTo("Versie 1");
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity(path, new HttpEntity<>(json, headers),
        String.class);
  }

  private List<String> ids(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, TestUsers.PASSWORD)
        .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().map(r -> (String) r.get("id")).toList();
  }

  private ResponseEntity<String> deploy(String user, String fileName, String xml) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "test-deployment");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add(fileName, new ByteArrayResource(xml.getBytes()) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(parts, headers), String.class);
  }

  private static String validProcess(String key, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="test">
          <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Start"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, name);
  }

  private static String validDecision(String key, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="%s" camunda:historyTimeToLive="P1D">
            <decisionTable id="Table" hitPolicy="FIRST">
              <input id="Input_Sector" label="Sector">
                <inputExpression id="Expr_Sector" typeRef="string"><text>sector</text></inputExpression>
              </input>
              <output id="Output_Ok" name="ok" typeRef="boolean" />
              <rule id="Rule_Any">
                <inputEntry id="In_Any"><text></text></inputEntry>
                <outputEntry id="Out_True"><text>true</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(key, name);
  }
}
