package nl.salland.zorginkoop.escalation;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The escalation ladder (000_5b3b4acc3ecb3548.txt:566-568): reflection, executives, NZa; a branch organisation where
 * the ladder does not fit. Each rung's term comes from the calendar (REFLECTION_TERM, EXECUTIVE_ESCALATION_TERM).
 */
@ZorginkoopTest
class EscalationLadderTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance start(String mode) {
    at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance ladder = runtimeService.startProcessInstanceByKey("escalationLadder",
        agb + "-KORTDURENDE_ZORG-2027", Map.of("agbCode", agb, "sector", "KORTDURENDE_ZORG",
            "contractYear", 2027, "contractingMode", mode));
    driver.runDueJobs(ladder);
    return ladder;
  }

  @Test
  void shouldEndResolvedByReflection() {
    ProcessInstance ladder = start("FACE_TO_FACE");
    assertThat(ladder).isWaitingAt("Task_JointReflection").task().hasCandidateGroup("inkoop-kortdurende-zorg");

    driver.complete(ladder, "Task_JointReflection", Map.of("resolved", true, "reflectionNotes", "Afspraken gemaakt"));

    assertThat(ladder).isEnded().hasPassed("EndEvent_ResolvedByReflection");
    assertThat(driver.variable(ladder, "outcome")).isEqualTo("RESOLVED_BY_REFLECTION");
  }

  @Test
  void shouldGiveTheReflectionItsTermFromTheCalendar() {
    ProcessInstance ladder = start("FACE_TO_FACE");

    // REFLECTION_TERM is P4W for KZ 2027 (dmn/contracting-calendar.dmn): 5 Oct + 4 weeks, end of day.
    assertThat(taskService.createTaskQuery().processInstanceId(ladder.getId()).singleResult().getDueDate())
        .isEqualTo(java.util.Date.from(java.time.OffsetDateTime.parse("2026-11-02T23:59:59.999+01:00").toInstant()));
  }

  @Test
  void shouldMoveUpToExecutivesWhenReflectionDoesNotResolve() {
    ProcessInstance ladder = start("FACE_TO_FACE");

    driver.complete(ladder, "Task_JointReflection", Map.of("resolved", false, "reflectionNotes", "Geen beweging"));

    assertThat(ladder).isWaitingAt("Task_ExecutiveEscalation").task().hasCandidateGroup("managers");
    driver.complete(ladder, "Task_ExecutiveEscalation", Map.of("resolved", true, "executiveNotes", "Akkoord",
        "executiveMeetingDate", "2026-10-20"));
    assertThat(ladder).isEnded().hasPassed("EndEvent_ResolvedByExecutives");
    assertThat(driver.variable(ladder, "outcome")).isEqualTo("RESOLVED_BY_EXECUTIVES");
  }

  @Test
  void shouldReportToTheNzaWhenExecutivesDoNotResolve() {
    ProcessInstance ladder = start("FACE_TO_FACE");
    driver.complete(ladder, "Task_JointReflection", Map.of("resolved", false, "reflectionNotes", "Geen beweging"));

    driver.complete(ladder, "Task_ExecutiveEscalation", Map.of("resolved", false, "executiveNotes", "Geen akkoord"));

    assertThat(ladder).isEnded().hasPassed("Task_ReportToNza", "EndEvent_ReportedToNza");
    assertThat(driver.variable(ladder, "outcome")).isEqualTo("REPORTED_TO_NZA");
    assertThat(driver.variable(ladder, "resolved")).isEqualTo(false);
    assertThat(driver.variable(ladder, "nzaReportReference")).isNotNull();
  }

  @Test
  void shouldMoveUpWhenARungGetsNoAnswerWithinItsTerm() {
    ProcessInstance ladder = start("FACE_TO_FACE");

    driver.moveTo(ladder, "2026-11-03T00:00:01+01:00");
    assertThat(ladder).isWaitingAt("Task_ExecutiveEscalation").hasPassed("BoundaryEvent_ReflectionTermPassed");

    driver.moveTo(ladder, "2026-12-02T00:00:01+01:00");
    assertThat(ladder).isEnded().hasPassed("BoundaryEvent_ExecutiveTermPassed", "EndEvent_ReportedToNza");
  }

  @Test
  void shouldInvolveABranchOrganisationWhereTheLadderDoesNotFit() {
    ProcessInstance ladder = start("DIGITAL");
    assertThat(ladder).isWaitingAt("Task_InvolveBranchOrganisation");

    driver.complete(ladder, "Task_InvolveBranchOrganisation", Map.of("branchOrganisation", "Koepel X",
        "branchOrganisationHasSendingRole", true, "resolved", false, "branchOrganisationNotes", "stuurt zelf"));
    assertThat(ladder).isWaitingAt("Task_InvolveBranchOrganisation");

    driver.complete(ladder, "Task_InvolveBranchOrganisation", Map.of("branchOrganisation", "Branchevereniging Y",
        "branchOrganisationHasSendingRole", false, "resolved", true, "branchOrganisationNotes", "bemiddelt"));
    assertThat(ladder).isEnded().hasPassed("EndEvent_BranchOrganisationInvolved");
    assertThat(driver.variable(ladder, "outcome")).isEqualTo("BRANCH_ORGANISATION_INVOLVED");
    assertThat(driver.variable(ladder, "branchOrganisation")).isEqualTo("Branchevereniging Y");
  }

  @Test
  void shouldRefuseToCloseARungWithoutItsAnswer() {
    ProcessInstance ladder = start("FACE_TO_FACE");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(
            driver.task(ladder, "Task_JointReflection").getId(), Map.of("reflectionNotes", "vergeten")))
        .hasMessageContaining("resolved: is required");
    assertThat(ladder).isWaitingAt("Task_JointReflection");
  }
}
