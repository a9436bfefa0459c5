package nl.salland.zorginkoop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@ZorginkoopTest
class EngineRestSecurityTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Value("${camunda.bpm.admin-user.id}")
  String adminId;
  @Value("${camunda.bpm.admin-user.password}")
  String adminPassword;

  private Task task;

  @AfterEach
  void removeTask() {
    if (task != null) {
      taskService.deleteTask(task.getId(), true);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-definition",
      "/engine-rest/user", "/engine-rest/deployment", "/engine-rest/version"})
  void refusesAnonymousRequestsWith401AndNothingElse(String path) {
    ResponseEntity<String> response = rest.getForEntity(path, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.getBody()).isNull();
  }

  @Test
  void refusesAWrongPassword() {
    // Not the admin: Camunda locks a user for a few seconds after a failed login.
    String user = TestUsers.ensure(identityService, "test-wrong-password", Groups.MANAGERS);
    ResponseEntity<String> response = rest.withBasicAuth(user, "wrong").getForEntity("/engine-rest/task",
        String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void adminUserFromTheStandardPropertiesLogsIn() {
    ResponseEntity<String> response = rest.withBasicAuth(adminId, adminPassword)
        .getForEntity("/engine-rest/engine", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(identityService.createUserQuery().userId(adminId).memberOfGroup(Groups.ADMINS).count())
        .isEqualTo(1);
  }

  @Test
  void staffSeeOnlyTheTasksOfTheirOwnSector() {
    String ggzStaff = TestUsers.ensure(identityService, "test-ggz", Sector.GGZ.staffGroup());
    String shortTermStaff = TestUsers.ensure(identityService, "test-kz", Sector.KORTDURENDE_ZORG.staffGroup());
    task = taskService.newTask();
    task.setName("GGZ-taak");
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), Sector.GGZ.staffGroup());

    assertThat(taskIdsVisibleTo(ggzStaff)).contains(task.getId());
    assertThat(taskIdsVisibleTo(shortTermStaff)).doesNotContain(task.getId());
    ResponseEntity<String> direct = rest.withBasicAuth(shortTermStaff, TestUsers.PASSWORD)
        .getForEntity("/engine-rest/task/" + task.getId(), String.class);
    // Camunda does not even confirm that the task exists.
    assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(direct.getBody()).doesNotContain("GGZ-taak");
  }

  @Test
  void managersReadTasksButCannotCompleteThem() {
    String manager = TestUsers.ensure(identityService, "test-manager", Groups.MANAGERS);
    task = taskService.newTask();
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), Sector.GGZ.staffGroup());

    assertThat(taskIdsVisibleTo(manager)).contains(task.getId());
    ResponseEntity<String> complete = rest.withBasicAuth(manager, TestUsers.PASSWORD)
        .postForEntity("/engine-rest/task/" + task.getId() + "/complete", Map.of(), String.class);
    assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private List<String> taskIdsVisibleTo(String userId) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(userId, TestUsers.PASSWORD)
        .exchange("/engine-rest/task?maxResults=1000", HttpMethod.GET, null,
            new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().map(t -> (String) t.get("id")).toList();
  }
}
