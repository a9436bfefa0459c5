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
import nl.salland.zorginkoop.requests.hardship.HardshipAgreements;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * hardshipClauseRequest (004_fbae119c7f6fc4e4.txt:541-553): request after the tariffs are published (TARIFFS_PUBLISHED,
 * 4 September 2026) and at the latest on HARDSHIP_REQUEST_DUE (24 September 2026), answer by HARDSHIP_ANSWER_DUE
 * (23 October 2026), a maatwerk agreement for at most the procurement year, re-checked at the herschikking
 * (REALLOCATION, 1 November 2027) with a possible claw-back.
 */
@ZorginkoopTest
class HardshipClauseRequestTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  RequestCases cases;
  @Autowired
  HardshipAgreements agreements;

  private final String agb = TestAgbCodes.next();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance request(String requestDate, double equityPercentage, double projectedOverproduction) {
    cases.provider(agb, "Stichting Gehandicaptenzorg Salland");
    at(requestDate + "T11:00:00+02:00");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("hardshipClauseRequest", agb + "-WLZ_GZ-2027",
        Map.of("agbCode", agb, "sector", "WLZ_GZ", "contractYear", 2027, "requestDate", requestDate,
            "equityPercentage", equityPercentage, "projectedOverproduction", projectedOverproduction));
    driver.runDueJobs(pi);
    return pi;
  }

  private static Map<String, Object> assessment(boolean approved) {
    return new HashMap<>(Map.of("approved", approved,
        "decisionReason", approved ? "Tariefpercentage 97 % voor 2027" : "Het tarief is kostendekkend gebleken",
        "efficiencyAssessment", "Benchmark personeelskosten in het midden",
        "nonCostCoveringAssessment", "Kostprijs 4 % boven het vertrektarief",
        "equityAndReservesAssessment", "EV 8 %, geen vrije reserves",
        "operationalImprovementsAssessment", "Roosterverbetering loopt al",
        "dutyOfCareAssessment", "Enige aanbieder van deze zorg in de regio",
        "signalledToBuyer", true));
  }

  private ProcessInstance granted() {
    ProcessInstance pi = request("2026-09-10", 8.0, 0.0);
    Map<String, Object> answers = assessment(true);
    answers.put("grantedTariffPercentage", 97.0);
    answers.put("grantedAmount", 120000.0);
    at("2026-10-20T15:00:00+02:00");
    driver.complete(pi, "Task_AssessRequest", answers);
    return pi;
  }

  @Test
  void shouldAnswerBy23OctoberAndRecordAGrantForAtMostTheProcurementYear() {
    ProcessInstance pi = request("2026-09-10", 8.0, 0.0);

    assertThat(pi).isWaitingAt("Task_AssessRequest").task().hasCandidateGroup("inkoop-wlz")
        .hasDueDate(moment("2026-10-23T23:59:59.999+02:00"));
    assertThat(driver.task(pi, "Task_AssessRequest").getFollowUpDate())
        .isEqualTo(moment("2026-10-16T23:59:59.999+02:00"));
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
    assertThat(driver.variable(pi, "requestOnTime")).isEqualTo(true);
    assertThat(driver.variable(pi, "fundsOwnOverproduction")).isEqualTo(false);
    assertThat(cases.mail(pi, "Task_MailRequestReceived").body()).contains("uw aanvraag voor de hardheidsclausule");

    Map<String, Object> answers = assessment(true);
    answers.put("grantedTariffPercentage", 97.0);
    answers.put("grantedAmount", 120000.0);
    driver.complete(pi, "Task_AssessRequest", answers);

    assertThat(pi).isWaitingAt("Event_ReallocationNear").hasPassed("Task_RecordAgreement", "Task_MailGranted");
    var agreement = agreements.find(pi.getId()).orElseThrow();
    assertThat(agreement.validUntil()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(agreement.grantedTariffPercentage()).isEqualByComparingTo("97");
    assertThat(agreement.grantedAmount()).isEqualByComparingTo("120000");
    assertThat(agreement.recheckResult()).isNull();
    assertThat(cases.mail(pi, "Task_MailGranted").body()).contains("tot en met 31 december 2027")
        .contains("Tariefpercentage 97 % voor 2027");
  }

  @Test
  void shouldConfirmTheGrantWhenTheReallocationRecheckFindsTheProviderStillEligible() {
    ProcessInstance pi = granted();

    // The re-check opens the reminder lead time (P7D) before the herschikking must be complete (1 November 2027).
    driver.moveTo(pi, "2027-10-25T23:59:00+02:00");
    assertThat(pi).isWaitingAt("Event_ReallocationNear");
    driver.moveTo(pi, "2027-10-26T00:00:00+02:00");
    assertThat(pi).isWaitingAt("Task_RecheckAtReallocation").task().hasCandidateGroup("inkoop-wlz")
        .hasDueDate(moment("2027-11-01T23:59:59.999+01:00"));

    driver.complete(pi, "Task_RecheckAtReallocation", Map.of("stillEligible", true,
        "recheckNotes", "Financiële situatie ongewijzigd"));

    assertThat(pi).isEnded().hasPassed("Task_RecordRecheck", "EndEvent_Granted");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("GRANTED");
    assertThat(agreements.find(pi.getId()).orElseThrow().recheckResult()).isEqualTo("STILL_ELIGIBLE");
  }

  @Test
  void shouldClawBackWhenTheProviderNoLongerQualifiesAtTheReallocation() {
    ProcessInstance pi = granted();
    driver.moveTo(pi, "2027-10-26T09:00:00+01:00");

    driver.complete(pi, "Task_RecheckAtReallocation", Map.of("stillEligible", false, "clawBackAmount", 45000.0,
        "recheckNotes", "Eigen vermogen gestegen naar 30 %"));

    assertThat(pi).isEnded().hasPassed("Task_MailClawBack", "EndEvent_ClawedBack");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("CLAWED_BACK");
    var agreement = agreements.find(pi.getId()).orElseThrow();
    assertThat(agreement.recheckResult()).isEqualTo("CLAWED_BACK");
    assertThat(agreement.clawBackAmount()).isEqualByComparingTo("45000");
    assertThat(cases.mail(pi, "Task_MailClawBack").body()).contains("€ 45.000,00")
        .contains("Eigen vermogen gestegen naar 30 %");
  }

  @Test
  void shouldRefuseAClawBackWithoutAnAmountAndAGrantWithoutTerms() {
    ProcessInstance request = request("2026-09-10", 8.0, 0.0);
    String assess = driver.task(request, "Task_AssessRequest").getId();
    assertThatThrownBy(() -> taskService.complete(assess, assessment(true)))
        .hasMessageContaining("grantedTariffPercentage: a granted request needs the agreed tariff percentage");
    assertThat(agreements.find(request.getId())).isEmpty();

    ProcessInstance pi = granted();
    driver.moveTo(pi, "2027-10-26T09:00:00+01:00");
    String recheck = driver.task(pi, "Task_RecheckAtReallocation").getId();
    assertThatThrownBy(() -> taskService.complete(recheck, Map.of("stillEligible", false, "recheckNotes", "x")))
        .hasMessageContaining("clawBackAmount: is required");
    assertThat(pi).isWaitingAt("Task_RecheckAtReallocation");
  }

  @Test
  void shouldRejectARequestThatDoesNotQualify() {
    ProcessInstance pi = request("2026-09-24", 8.0, 0.0);
    assertThat(pi).isWaitingAt("Task_AssessRequest");

    driver.complete(pi, "Task_AssessRequest", assessment(false));

    assertThat(pi).isEnded().hasPassed("Task_MailRejected", "EndEvent_Rejected");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("REJECTED");
    assertThat(agreements.find(pi.getId())).isEmpty();
    assertThat(cases.mail(pi, "Task_MailRejected").body()).contains("Het tarief is kostendekkend gebleken");
    assertThat(driver.variable(pi, "operationalImprovementsAssessment")).isEqualTo("Roosterverbetering loopt al");
  }

  @Test
  void shouldNotTakeARequestAfter24September() {
    ProcessInstance pi = request("2026-09-25", 8.0, 0.0);

    assertThat(pi).isEnded().hasPassed("Task_MailNotAdmissible", "EndEvent_NotAdmissible");
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("TOO_LATE");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("NOT_ADMISSIBLE");
  }

  @Test
  void shouldHoldARequestFromBeforeThePublicationUntilThePublicationDayHasPassed() {
    ProcessInstance pi = request("2026-09-04", 8.0, 0.0);

    assertThat(driver.variable(pi, "admissibility")).isEqualTo("PREMATURE");
    assertThat(pi).isWaitingAt("Event_TariffsPublished");
    assertThat(cases.mail(pi, "Task_MailRequestReceived").body()).contains("Wij houden haar aan");
    driver.moveTo(pi, "2026-09-04T23:59:59+02:00");
    assertThat(pi).isWaitingAt("Event_TariffsPublished");

    driver.moveTo(pi, "2026-09-05T00:00:00+02:00");
    assertThat(pi).isWaitingAt("Task_AssessRequest").hasPassed("Event_TariffsPublished");
  }

  @Test
  void shouldTakeARequestOnTheDayAfterThePublicationAtOnce() {
    ProcessInstance pi = request("2026-09-05", 8.0, 0.0);

    assertThat(driver.variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
    assertThat(pi).isWaitingAt("Task_AssessRequest").hasNotPassed("Event_TariffsPublished");
  }

  @Test
  void shouldShowTheAssessorThatAProviderWithVeryHighEquityFundsOverproductionItself() {
    ProcessInstance pi = request("2026-09-10", 35.0, 50000.0);

    assertThat(driver.variable(pi, "fundsOwnOverproduction")).isEqualTo(true);
    assertThat(pi).isWaitingAt("Task_AssessRequest");
  }

  @Test
  void shouldRefuseAStartWithoutTheFiguresTheAssessmentNeeds() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("hardshipClauseRequest", Map.of(
        "agbCode", agb, "sector", "WLZ_GZ", "contractYear", 2027, "requestDate", "2026-09-10",
        "projectedOverproduction", 0.0)))
        .hasMessageContaining("equityPercentage: is required");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("hardshipClauseRequest", Map.of(
        "agbCode", agb, "sector", "GGZ", "contractYear", 2027, "requestDate", "2026-09-10",
        "equityPercentage", 5.0, "projectedOverproduction", 0.0)))
        .hasMessageContaining("sector: this process does not handle sector 'GGZ'");
  }
}
