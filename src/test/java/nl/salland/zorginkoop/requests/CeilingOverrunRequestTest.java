package nl.salland.zorginkoop.requests;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static nl.salland.zorginkoop.requests.RequestCases.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ceilingOverrunRequest (000_5b3b4acc3ecb3548.txt:508-524, 003_ac3f9d7d049546c3.txt:1113-1152): admissibility by
 * ceilingOverrunAdmissibility, completeness, assessment within CEILING_OVERRUN_DECISION_TERM, a raised ceiling in the
 * register, or care mediation for new insured when the ceiling stays.
 */
@ZorginkoopTest
class CeilingOverrunRequestTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  RequestCases cases;

  private final String agb = TestAgbCodes.next();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  private ProcessInstance notify(Sector sector, int year, String notificationDate, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(Map.of("agbCode", agb, "sector", sector.name(), "contractYear", year,
        "notificationDate", notificationDate, "hasRevenueCeiling", true, "expectedOverrun", 150000.0));
    variables.putAll(extra);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("ceilingOverrunRequest",
        agb + "-" + sector + "-" + year, variables);
    driver.runDueJobs(pi);
    return pi;
  }

  private ProcessInstance shortTermCareCase(String notificationDate) {
    cases.provider(agb, "Revalidatiecentrum De Vecht");
    cases.contract(agb, Sector.KORTDURENDE_ZORG, 2027, null, "1000000.00", "2027-01-01", "2027-12-31");
    at(notificationDate + "T10:00:00+02:00");
    return notify(Sector.KORTDURENDE_ZORG, 2027, notificationDate, Map.of());
  }

  private static Map<String, Object> assessment(boolean approved) {
    Map<String, Object> answers = new HashMap<>(Map.of("approved", approved,
        "decisionReason", approved ? "Groei door sluiting van een afdeling elders in de regio" : "Geen dwingende gebeurtenis",
        "minimumGroundPresent", approved,
        "momentOfNoticeAssessment", "Tijdig, in juni gemeld",
        "earlierProductionAssessment", "Productie 2025 en 2026 binnen het plafond",
        "insuredPopulationAssessment", "Verzekerdenaantal + 4 %",
        "consequencesForInsuredAssessment", "Zonder verhoging wachtlijst voor GRZ",
        "regionalSituationAssessment", "Geen aanbieders met onderproductie",
        "expectedCeilingReachedDate", "2027-10-15"));
    return answers;
  }

  @Test
  void shouldRaiseTheCeilingInTheRegisterWhenApproved() {
    ProcessInstance pi = shortTermCareCase("2027-06-15");

    assertThat(pi).isWaitingAt("Task_ConfirmRequestComplete").task()
        .hasCandidateGroup("inkoop-kortdurende-zorg")
        .hasDueDate(moment("2027-07-13T23:59:59.999+02:00"));
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
    assertThat(driver.variable(pi, "registeredRevenueCeiling")).isEqualTo(1000000.0);
    assertThat(cases.mail(pi, "Task_MailRequestReceived").subject())
        .isEqualTo("Ontvangen: uw verzoek om verhoging van het omzetplafond (zorginkoop Kortdurende zorg (GRZ, ELV, "
            + "GZSP) 2027)");

    at("2027-06-22T09:00:00+02:00");
    driver.complete(pi, "Task_ConfirmRequestComplete", Map.of("requestCompleteDate", "2027-06-22"));
    // CEILING_OVERRUN_DECISION_TERM: four weeks from the complete request, through the end of that day
    assertThat(pi).isWaitingAt("Task_AssessRequest").task()
        .hasDueDate(moment("2027-07-20T23:59:59.999+02:00"));

    Map<String, Object> answers = assessment(true);
    answers.put("newCeiling", 1150000.0);
    driver.complete(pi, "Task_AssessRequest", answers);

    assertThat(pi).isEnded().hasPassed("Task_RaiseCeiling", "Task_MailCeilingRaised", "EndEvent_CeilingRaised");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("CEILING_RAISED");
    assertThat(cases.contractOf(agb, Sector.KORTDURENDE_ZORG, 2027).revenueCeiling())
        .isEqualByComparingTo(new BigDecimal("1150000.00"));
    assertThat(cases.mail(pi, "Task_MailCeilingRaised").body()).contains("€ 1.150.000,00")
        .contains("Groei door sluiting van een afdeling elders in de regio");
    assertThat(driver.variable(pi, "regionalSituationAssessment")).isEqualTo("Geen aanbieders met onderproductie");
  }

  @Test
  void shouldLeaveTheCeilingAndAskCareMediationToHelpNewInsuredWhenRejected() {
    ProcessInstance pi = shortTermCareCase("2027-06-15");
    driver.complete(pi, "Task_ConfirmRequestComplete", Map.of("requestCompleteDate", "2027-06-15"));

    driver.complete(pi, "Task_AssessRequest", assessment(false));

    assertThat(pi).isWaitingAt("Task_RedirectNewInsured").task().hasCandidateGroup(Groups.CARE_MEDIATION)
        .hasDueDate(moment("2027-10-15T00:00:00+02:00"));
    assertThat(cases.contractOf(agb, Sector.KORTDURENDE_ZORG, 2027).revenueCeiling())
        .isEqualByComparingTo(new BigDecimal("1000000.00"));
    assertThat(cases.mail(pi, "Task_MailCeilingNotRaised").body())
        .contains("blijft de verplichting voor u bestaan om de zorg te leveren aan verzekerden die op dat moment al bij "
            + "u in zorg zijn").contains("Geen dwingende gebeurtenis");

    driver.complete(pi, "Task_RedirectNewInsured", Map.of("mediationNotes", "Nieuwe GRZ-patiënten naar Zwolle",
        "providerContacted", true));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("REJECTED");
    assertThat(driver.variable(pi, "mediationNotes")).isEqualTo("Nieuwe GRZ-patiënten naar Zwolle");
  }

  @Test
  void careMediatorsSeeTheirTaskAndItsCaseButNotTheSectorsTasks() {
    ProcessInstance pi = shortTermCareCase("2027-06-15");
    String mediator = TestUsers.ensure(identityService, "test-zorgbemiddelaar", Groups.CARE_MEDIATION);
    identityService.setAuthentication(mediator, List.of(Groups.CARE_MEDIATION));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    identityService.clearAuthentication();

    driver.complete(pi, "Task_ConfirmRequestComplete", Map.of("requestCompleteDate", "2027-06-15"));
    driver.complete(pi, "Task_AssessRequest", assessment(false));

    identityService.setAuthentication(mediator, List.of(Groups.CARE_MEDIATION));
    var task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(Groups.CARE_MEDIATION)
        .singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_RedirectNewInsured");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    taskService.complete(task.getId(), Map.of("mediationNotes", "Geregeld"));
    identityService.clearAuthentication();
    assertThat(pi).isEnded();
  }

  @Test
  void shouldAdmitANoticeOnTheFirstOfSeptemberAndNotOneDayLater() {
    ProcessInstance lastDay = shortTermCareCase("2027-09-01");
    assertThat(lastDay).isWaitingAt("Task_ConfirmRequestComplete");

    String late = TestAgbCodes.next();
    cases.provider(late, "ELV De Haven");
    cases.contract(late, Sector.KORTDURENDE_ZORG, 2027, null, "500000.00", "2027-01-01", "2027-12-31");
    ProcessInstance tooLate = runtimeService.startProcessInstanceByKey("ceilingOverrunRequest", Map.of(
        "agbCode", late, "sector", "KORTDURENDE_ZORG", "contractYear", 2027, "notificationDate", "2027-09-02",
        "hasRevenueCeiling", true, "expectedOverrun", 10000.0));
    driver.runDueJobs(tooLate);

    assertThat(tooLate).isEnded().hasPassed("Task_MailNotAdmissible", "EndEvent_NotAdmissible");
    assertThat(driver.variable(tooLate, "admissibility")).isEqualTo("TOO_LATE");
    assertThat(driver.variable(tooLate, "outcome")).isEqualTo("NOT_ADMISSIBLE");
    assertThat(cases.mail(tooLate, "Task_MailNotAdmissible").body()).contains("na de uiterste datum");
  }

  @Test
  void shouldAdmitAGgzNoticeOnTheFirstOfOctoberOnlyWithTheProductionMonitorFilledIn() {
    cases.provider(agb, "GGZ Praktijk Salland");
    cases.contract(agb, Sector.GGZ, 2027, null, "800000.00", "2027-01-01", "2027-12-31");
    ProcessInstance lastDay = notify(Sector.GGZ, 2027, "2027-10-01", Map.of("productionMonitorOnTime", true));
    assertThat(lastDay).isWaitingAt("Task_ConfirmRequestComplete").task().hasCandidateGroup("inkoop-ggz");

    ProcessInstance noMonitor = notify(Sector.GGZ, 2027, "2027-10-01", Map.of("productionMonitorOnTime", false));
    assertThat(noMonitor).isEnded().hasPassed("EndEvent_NotAdmissible");
    assertThat(driver.variable(noMonitor, "admissibility")).isEqualTo("MONITOR_NOT_ON_TIME");
    assertThat(cases.mail(noMonitor, "Task_MailNotAdmissible").body()).contains("productiemonitor");

    ProcessInstance late = notify(Sector.GGZ, 2027, "2027-10-02", Map.of("productionMonitorOnTime", true));
    assertThat(late).isEnded().hasPassed("EndEvent_NotAdmissible");
    assertThat(driver.variable(late, "admissibility")).isEqualTo("TOO_LATE");
  }

  @Test
  void shouldWeighTheGgzCriteriaAndRecordThem() {
    cases.provider(agb, "GGZ Instelling IJsselland");
    cases.contract(agb, Sector.GGZ, 2027, null, "2000000.00", "2027-01-01", "2027-12-31");
    at("2027-05-03T09:00:00+02:00");
    ProcessInstance pi = notify(Sector.GGZ, 2027, "2027-05-03", Map.of("productionMonitorOnTime", true));
    driver.complete(pi, "Task_ConfirmRequestComplete", Map.of("requestCompleteDate", "2027-05-10"));

    Map<String, Object> answers = assessment(true);
    answers.put("newCeiling", 2200000.0);
    answers.put("waitingTimeAssessment", "Wachttijd 14 weken, aanpak met de regio afgesproken");
    answers.put("productMixAssessment", "Meer complexe zorg (verzwaring)");
    driver.complete(pi, "Task_AssessRequest", answers);

    assertThat(pi).isEnded().hasPassed("EndEvent_CeilingRaised");
    assertThat(driver.variable(pi, "waitingTimeAssessment")).isEqualTo("Wachttijd 14 weken, aanpak met de regio afgesproken");
    assertThat(driver.variable(pi, "productMixAssessment")).isEqualTo("Meer complexe zorg (verzwaring)");
    assertThat(cases.contractOf(agb, Sector.GGZ, 2027).revenueCeiling()).isEqualByComparingTo("2200000.00");
  }

  @Test
  void shouldNotAdmitAProviderWithoutARevenueCeiling() {
    cases.provider(agb, "Huisartsenpraktijk Het Plein");
    ProcessInstance pi = notify(Sector.HUISARTSENZORG, 2027, "2027-03-01", Map.of("hasRevenueCeiling", false));

    assertThat(pi).isEnded().hasPassed("EndEvent_NotAdmissible");
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("NO_CEILING");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("NOT_ADMISSIBLE");
    assertThat(cases.mail(pi, "Task_MailNotAdmissible").body()).contains("geen omzetplafond");
  }

  @Test
  void shouldRefuseARaiseWithoutANewCeilingHigherThanTheRegisteredOne() {
    ProcessInstance pi = shortTermCareCase("2027-06-15");
    driver.complete(pi, "Task_ConfirmRequestComplete", Map.of("requestCompleteDate", "2027-06-15"));
    String task = driver.task(pi, "Task_AssessRequest").getId();

    assertThatThrownBy(() -> taskService.complete(task, assessment(true)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("newCeiling: is required");
    Map<String, Object> lower = assessment(true);
    lower.put("newCeiling", 900000.0);
    assertThatThrownBy(() -> taskService.complete(task, lower))
        .hasMessageContaining("newCeiling: must be higher than the registered ceiling of 1000000");
    Map<String, Object> withoutCriteria = assessment(false);
    withoutCriteria.remove("regionalSituationAssessment");
    assertThatThrownBy(() -> taskService.complete(task, withoutCriteria))
        .hasMessageContaining("regionalSituationAssessment: is required");

    assertThat(pi).isWaitingAt("Task_AssessRequest");
    assertThat(cases.contractOf(agb, Sector.KORTDURENDE_ZORG, 2027).revenueCeiling()).isEqualByComparingTo("1000000.00");
  }

  @Test
  void shouldRefuseTheWlzWhichHasNoOverrunNotice() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("ceilingOverrunRequest", Map.of(
        "agbCode", agb, "sector", "WLZ_GZ", "contractYear", 2027, "notificationDate", "2027-03-01",
        "hasRevenueCeiling", true, "expectedOverrun", 1.0)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sector: this process does not handle");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(agb + "%").count()).isZero();
  }
}
