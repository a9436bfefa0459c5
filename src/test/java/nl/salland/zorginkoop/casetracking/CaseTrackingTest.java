package nl.salland.zorginkoop.casetracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ZorginkoopTest
class CaseTrackingTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;

  String agb;

  @BeforeEach
  void deploy() {
    repositoryService.createDeployment().name("test-tracked-case").enableDuplicateFiltering(true)
        .addClasspathResource("testprocesses/tracked-case.bpmn").deploy();
    agb = TestAgbCodes.next();
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-01T09:00:00+02:00").toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void recordsTheCaseItsCurrentStepAndItsTaskDeadline() {
    ProcessInstance pi = start("2026-09-15T17:00:00+02:00", "2026-10-01T00:00:00+02:00");

    Map<String, Object> row = caseRow(pi);
    assertThat(row).containsEntry("status", "ACTIVE").containsEntry("sector", "GGZ")
        .containsEntry("current_step", "Aanvraag beoordelen").containsEntry("process_key", "testTrackedCase");
    assertThat(deadlineStatus(pi, "Task_Assess")).isEqualTo("OPEN");
  }

  @Test
  void closesADeadlineMetWhenTheWaitEndsOnTime() {
    ProcessInstance pi = start("2026-09-15T17:00:00+02:00", "2026-10-01T00:00:00+02:00");
    completeTask(pi);
    assertThat(caseRow(pi)).containsEntry("current_step", "Wachten op offerte");
    assertThat(deadlineStatus(pi, "OFFER_DUE")).isEqualTo("OPEN");

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T23:59:00+02:00").toInstant()));
    runtimeService.createMessageCorrelation("TestOfferReceived").processInstanceId(pi.getId()).correlate();

    assertThat(deadlineStatus(pi, "Task_Assess")).isEqualTo("MET");
    assertThat(deadlineStatus(pi, "OFFER_DUE")).isEqualTo("MET");
    assertThat(caseRow(pi)).containsEntry("status", "COMPLETED").containsEntry("outcome", "RECEIVED");
  }

  @Test
  void closesADeadlineMissedWhenItsTimerEndsTheWait() {
    ProcessInstance pi = start("2026-09-15T17:00:00+02:00", "2026-10-01T00:00:00+02:00");
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-20T10:00:00+02:00").toInstant()));
    completeTask(pi);

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-01T00:00:01+02:00").toInstant()));
    String timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId();
    managementService.executeJob(timer);

    assertThat(deadlineStatus(pi, "Task_Assess")).isEqualTo("MISSED");
    assertThat(deadlineStatus(pi, "OFFER_DUE")).isEqualTo("MISSED");
    assertThat(caseRow(pi)).containsEntry("outcome", "TOO_LATE");
  }

  @Test
  void marksACancelledCase() {
    ProcessInstance pi = start("2026-09-15T17:00:00+02:00", "2026-10-01T00:00:00+02:00");

    runtimeService.deleteProcessInstance(pi.getId(), "test");

    assertThat(caseRow(pi)).containsEntry("status", "CANCELLED");
  }

  private ProcessInstance start(String taskDue, String offerDue) {
    return runtimeService.startProcessInstanceByKey("testTrackedCase", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
            "taskDue", Date.from(OffsetDateTime.parse(taskDue).toInstant()), "offerDue", offerDue));
  }

  private void completeTask(ProcessInstance pi) {
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
  }

  private Map<String, Object> caseRow(ProcessInstance pi) {
    return jdbc.sql("SELECT status, sector, current_step, process_key, outcome FROM zi_case "
            + "WHERE process_instance_id = :pi")
        .param("pi", pi.getId()).query().singleRow().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.valueOf(e.getValue())));
  }

  private String deadlineStatus(ProcessInstance pi, String milestone) {
    return jdbc.sql("SELECT status FROM zi_deadline WHERE process_instance_id = :pi AND milestone = :milestone")
        .param("pi", pi.getId()).param("milestone", milestone).query(String.class).single();
  }
}
