package nl.salland.zorginkoop.requests;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static nl.salland.zorginkoop.requests.RequestCases.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.requests.treatmentindex.TreatmentIndexResults;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * treatmentIndexReview (002_d8da34609ae20a88.txt:489-495): treatmentIndexAssessment decides; at 150 or higher a
 * dialogue with the practice about its explanation, possibly an improvement trajectory with its own evaluation; the
 * result is kept in zi_treatment_index_result for the contracting of 2029 (treatmentIndexFollowUp).
 */
@ZorginkoopTest
class TreatmentIndexReviewTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  RequestCases cases;
  @Autowired
  TreatmentIndexResults results;

  private final String agb = TestAgbCodes.next();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance review(Integer uniquePatients, Double treatmentIndex) {
    cases.provider(agb, "Fysiotherapie Het Anker");
    at("2028-03-06T10:00:00+01:00");
    Map<String, Object> variables = new HashMap<>(Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG",
        "contractYear", 2027));
    variables.put("uniquePatients", uniquePatients);
    variables.put("treatmentIndex", treatmentIndex);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("treatmentIndexReview",
        agb + "-PARAMEDISCHE_ZORG-2027", variables);
    driver.runDueJobs(pi);
    return pi;
  }

  private static Map<String, Object> dialogue(boolean trajectory) {
    Map<String, Object> answers = new HashMap<>(Map.of("explanationReceived", true,
        "dialogueSummary", "Veel chronische patiënten na een ziekenhuisfusie", "improvementTrajectoryAgreed", trajectory));
    if (trajectory) {
      answers.put("trajectoryGoals", "Behandelindex onder 150 door intakeprotocol en evaluatie na 9 behandelingen");
      answers.put("trajectoryEndDate", "2028-09-30");
    }
    return answers;
  }

  @Test
  void shouldRecordThatNoIndexIsAvailableForThirtyPatientsOrFewer() {
    ProcessInstance pi = review(30, 210.0);

    assertThat(pi).isEnded().hasPassed("Task_RecordNoIndex", "Task_MailNoIndex", "EndEvent_NoIndexAvailable");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("NO_INDEX_AVAILABLE");
    var result = results.find(agb, 2027).orElseThrow();
    assertThat(result.assessment()).isEqualTo("NO_INDEX_AVAILABLE");
    assertThat(result.weighedInContractYear()).isEqualTo(2029);
    assertThat(result.uniquePatients()).isEqualTo(30);
    assertThat(cases.mail(pi, "Task_MailNoIndex").body()).contains("gepast gebruik")
        .contains("contractering voor 2029");
  }

  @Test
  void shouldRecordAnIndexBelow150AsWithinTheNorm() {
    ProcessInstance pi = review(31, 149.99);

    assertThat(pi).isEnded().hasPassed("Task_RecordWithinNorm", "EndEvent_WithinNorm");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("WITHIN_NORM");
    var result = results.find(agb, 2027).orElseThrow();
    assertThat(result.result()).isEqualTo("WITHIN_NORM");
    assertThat(result.treatmentIndex()).isEqualByComparingTo("149.99");
  }

  @Test
  void shouldHoldADialogueAt150AndCloseItWhenTheExplanationSuffices() {
    ProcessInstance pi = review(31, 150.0);

    assertThat(driver.variable(pi, "treatmentIndexOutcome")).isEqualTo("DIALOGUE_REQUIRED");
    // TREATMENT_INDEX_DIALOGUE_TERM P8W from the request; the follow-up is the explanation's due date (P4W)
    assertThat(pi).isWaitingAt("Task_HoldDialogue").task().hasCandidateGroup("inkoop-paramedische-zorg")
        .hasDueDate(moment("2028-05-01T23:59:59.999+02:00"));
    assertThat(driver.task(pi, "Task_HoldDialogue").getFollowUpDate())
        .isEqualTo(moment("2028-04-03T23:59:59.999+02:00"));
    assertThat(cases.mail(pi, "Task_MailExplanationRequest").body()).contains("uiterlijk 3 april 2028");

    driver.complete(pi, "Task_HoldDialogue", dialogue(false));

    assertThat(pi).isEnded().hasPassed("Task_RecordExplanationAccepted", "EndEvent_ExplanationAccepted");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("EXPLANATION_ACCEPTED");
    var result = results.find(agb, 2027).orElseThrow();
    assertThat(result.result()).isEqualTo("EXPLANATION_ACCEPTED");
    assertThat(result.dialogueSummary()).isEqualTo("Veel chronische patiënten na een ziekenhuisfusie");
  }

  @Test
  void shouldFollowAnImprovementTrajectoryUpAfterItsEndAndRecordTheResultFor2029() {
    ProcessInstance pi = review(120, 175.5);
    at("2028-04-10T10:00:00+02:00");
    driver.complete(pi, "Task_HoldDialogue", dialogue(true));

    assertThat(pi).isWaitingAt("Event_TrajectoryEnded").hasPassed("Task_RecordTrajectoryAgreed",
        "Task_MailTrajectoryAgreed");
    var agreed = results.find(agb, 2027).orElseThrow();
    assertThat(agreed.result()).isEqualTo("IMPROVEMENT_TRAJECTORY_AGREED");
    assertThat(agreed.trajectoryEndDate()).isEqualTo(LocalDate.of(2028, 9, 30));
    assertThat(cases.mail(pi, "Task_MailTrajectoryAgreed").body()).contains("tot en met 30 september 2028")
        .contains("intakeprotocol");

    driver.moveTo(pi, "2028-09-29T23:59:00+02:00");
    assertThat(pi).isWaitingAt("Event_TrajectoryEnded");
    driver.moveTo(pi, "2028-09-30T00:00:00+02:00");
    // IMPROVEMENT_TRAJECTORY_EVALUATION_TERM P4W from the end of the trajectory
    assertThat(pi).isWaitingAt("Task_EvaluateTrajectory").task()
        .hasDueDate(moment("2028-10-28T23:59:59.999+02:00"));

    driver.complete(pi, "Task_EvaluateTrajectory", Map.of("trajectoryResult", "IMPROVED",
        "trajectoryEvaluation", "Index 2028 gedaald naar 141"));

    assertThat(pi).isEnded().hasPassed("Task_RecordTrajectoryResult", "EndEvent_TrajectoryEvaluated");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("IMPROVEMENT_TRAJECTORY_EVALUATED");
    var evaluated = results.find(agb, 2027).orElseThrow();
    assertThat(evaluated.trajectoryResult()).isEqualTo("IMPROVED");
    assertThat(evaluated.trajectoryEvaluation()).isEqualTo("Index 2028 gedaald naar 141");
    assertThat(evaluated.weighedInContractYear()).isEqualTo(2029);
    assertThat(cases.mail(pi, "Task_MailTrajectoryResult").body()).contains("is verbeterd");
  }

  @Test
  void shouldRecordAFailedTrajectory() {
    ProcessInstance pi = review(120, 175.5);
    at("2028-04-10T10:00:00+02:00");
    driver.complete(pi, "Task_HoldDialogue", dialogue(true));
    driver.moveTo(pi, "2028-10-01T09:00:00+02:00");

    driver.complete(pi, "Task_EvaluateTrajectory", Map.of("trajectoryResult", "NOT_IMPROVED",
        "trajectoryEvaluation", "Geen daling"));

    assertThat(results.find(agb, 2027).orElseThrow().trajectoryResult()).isEqualTo("NOT_IMPROVED");
    assertThat(cases.mail(pi, "Task_MailTrajectoryResult").body()).contains("onvoldoende is verbeterd");
  }

  @Test
  void shouldRefuseATrajectoryWithoutAnEndDateStillToCome() {
    ProcessInstance pi = review(120, 175.5);
    String task = driver.task(pi, "Task_HoldDialogue").getId();
    Map<String, Object> withoutEnd = dialogue(true);
    withoutEnd.remove("trajectoryEndDate");
    assertThatThrownBy(() -> taskService.complete(task, withoutEnd))
        .hasMessageContaining("trajectoryEndDate: is required when an improvement trajectory is agreed");
    Map<String, Object> pastEnd = dialogue(true);
    pastEnd.put("trajectoryEndDate", "2028-03-01");
    assertThatThrownBy(() -> taskService.complete(task, pastEnd))
        .hasMessageContaining("trajectoryEndDate: must lie after today (2028-03-06)");
    assertThat(pi).isWaitingAt("Task_HoldDialogue");
    assertThat(results.find(agb, 2027)).isEmpty();
  }
}
