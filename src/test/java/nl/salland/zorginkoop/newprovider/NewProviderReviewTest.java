package nl.salland.zorginkoop.newprovider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.salland.zorginkoop.newprovider.NewProviderApplications.GROUND_DIAGNOSTICS;
import static nl.salland.zorginkoop.newprovider.NewProviderApplications.GROUND_FRAUD;
import static nl.salland.zorginkoop.newprovider.NewProviderApplications.reviewInputs;
import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import nl.salland.zorginkoop.integration.mail.MailOutbox;
import nl.salland.zorginkoop.integration.mail.OutboxMail;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * newProviderReview (bpmn/new-provider-review.bpmn): admission by the sector's deadline (newProviderAdmission), the
 * AGB register, the sector's decision tables and assessment, and the outcome with what the round reads back. Seeds:
 * 000_5b3b4acc3ecb3548.txt:480-486, 001_19245b1b7297894e.txt:503-505, 002_d8da34609ae20a88.txt:541-547,
 * 003_ac3f9d7d049546c3.txt:1176-1223.
 */
@ZorginkoopTest
class NewProviderReviewTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService management;
  @Autowired
  ProcessDriver driver;
  @Autowired
  MailOutbox outbox;
  @Autowired
  ProviderRegister providers;

  private String agb;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A new provider applies at {@code applicationDate}; the clock stands at that moment. */
  private ProcessInstance apply(String sector, String applicationDate, Map<String, Object> changes) {
    at(applicationDate);
    agb = (String) changes.getOrDefault("agbCode", TestAgbCodes.next());
    Map<String, Object> variables = new HashMap<>(reviewInputs(sector));
    variables.putAll(Map.of("agbCode", agb, "sector", sector, "contractYear", 2027, "applicationDate",
        applicationDate, "providerEmail", "praktijk-" + agb + "@example.nl"));
    variables.putAll(changes);
    ProcessInstance pi = runtime.startProcessInstanceByKey("newProviderReview", agb + "-" + sector + "-2027",
        variables);
    driver.runDueJobs(pi);
    return pi;
  }

  private ProcessInstance apply(String sector, String applicationDate) {
    return apply(sector, applicationDate, Map.of());
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private OutboxMail mail(ProcessInstance pi, String activityId) {
    return outbox.find(pi.getId() + ":" + activityId).orElseThrow();
  }

  private static Date moment(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }

  // ------------------------------------------------------------------ admission: each sector's last moment

  @ParameterizedTest(name = "{0}: {1} is on time, {2} too late")
  @CsvSource({
      "KORTDURENDE_ZORG, 2026-06-01T23:59:00+02:00, 2026-06-02T00:00:00+02:00, Task_AssessShortTermCare",
      "HUISARTSENZORG, 2026-09-01T23:59:00+02:00, 2026-09-02T00:00:00+02:00, Task_AssessGpCare",
      "GGZ, 2026-06-01T23:59:00+02:00, 2026-06-02T00:00:00+02:00, Task_AssessGgz"})
  void shouldAdmitUpToTheSectorsLastMinuteAndRefuseTheMinuteAfter(String sector, String lastMinute,
      String minuteAfter, String assessment) {
    // newProviderAdmission: 000_5b3b4acc3ecb3548.txt:482 and 003_ac3f9d7d049546c3.txt:1180 (1 June counts),
    // 001_19245b1b7297894e.txt:505 (1 September counts).
    ProcessInstance onTime = apply(sector, lastMinute);
    assertThat(onTime).isWaitingAt(assessment).hasPassed("Task_CheckAgbRegister", "Task_RegisterProvider");
    assertThat(runtime.getVariable(onTime.getId(), "admissible")).isEqualTo(true);
    assertThat(runtime.getVariable(onTime.getId(), "midTermEntry")).isEqualTo(false);

    ProcessInstance late = apply(sector, minuteAfter);
    assertThat(late).isEnded().hasPassed("Task_MailTooLate", "EndEvent_TooLate").hasNotPassed(
        "Task_CheckAgbRegister");
    assertThat(driver.variable(late, "outcome")).isEqualTo("TOO_LATE");
    OutboxMail mail = mail(late, "Task_MailTooLate");
    assertThat(mail.recipient()).isEqualTo("praktijk-" + agb + "@example.nl");
    assertThat(mail.body()).contains("niet meer in behandeling").contains("tot en met");
    assertThat(providers.find(new AgbCode(agb))).isEmpty();
  }

  @Test
  void shouldTreatALateParamedicalApplicationAsMidTermEntryNotAsTooLate() {
    // 002_d8da34609ae20a88.txt:567 "uiterlijk vóór 1 september": 31 August is the last day; 002:545 allows
    // tussentijdse instroom, so the application of 1 September 00:00 is assessed, answered within 6 weeks.
    ProcessInstance onTime = apply("PARAMEDISCHE_ZORG", "2026-08-31T23:59:00+02:00");
    assertThat(onTime).isWaitingAt("Task_AssessParamedicalCare");
    assertThat(runtime.getVariable(onTime.getId(), "midTermEntry")).isEqualTo(false);
    assertThat(runtime.getVariable(onTime.getId(), "contractStartDate")).isEqualTo("2027-01-01");
    assertThat(task(onTime).getDueDate()).isEqualTo(moment("2026-09-30T23:59:59.999+02:00"));

    ProcessInstance midTerm = apply("PARAMEDISCHE_ZORG", "2026-09-01T00:00:00+02:00");
    assertThat(midTerm).isWaitingAt("Task_AssessParamedicalCare").hasPassed("Gateway_Admitted");
    assertThat(runtime.getVariable(midTerm.getId(), "admissible")).isEqualTo(false);
    assertThat(runtime.getVariable(midTerm.getId(), "midTermEntry")).isEqualTo(true);
    assertThat(runtime.getVariable(midTerm.getId(), "contractStartDate")).isNull();
    // INSURER_RESPONSE_TERM (P6W) from the application day: 1 September + 6 weeks, end of 13 October.
    assertThat(task(midTerm).getDueDate()).isEqualTo(moment("2026-10-13T23:59:59.999+02:00"));
    assertThat(task(midTerm).getFollowUpDate()).isNull();
  }

  @Test
  void shouldGiveTheAssessmentItsDueDateAndReminderFromTheCalendar() {
    ProcessInstance shortTerm = apply("KORTDURENDE_ZORG", "2026-05-04T10:00:00+02:00");
    Task assessment = task(shortTerm);
    // PROPOSAL_SEND_BY: the proposal goes out before 1 October (000_5b3b4acc3ecb3548.txt:532).
    assertThat(assessment.getDueDate()).isEqualTo(moment("2026-09-30T23:59:59.999+02:00"));
    assertThat(assessment.getFollowUpDate()).isEqualTo(moment("2026-09-23T23:59:59.999+02:00"));
    assertThat(shortTerm).task().hasCandidateGroup("inkoop-kortdurende-zorg");

    ProcessInstance ggz = apply("GGZ", "2026-05-04T10:00:00+02:00");
    // GGZ has no proposal date: the decision falls before digital contracting starts (003_ac3f9d7d049546c3.txt:1053).
    assertThat(task(ggz).getDueDate()).isEqualTo(moment("2026-09-26T00:00:00+02:00"));
    assertThat(ggz).task().hasCandidateGroup("inkoop-ggz");
  }

  // ------------------------------------------------------------------ AGB register

  @Test
  void shouldSendAnAgbMismatchToAClarificationTaskAndContinueWhenItIsResolved() {
    String declared = stubRegisteredAs("Fysiotherapie De Brink");
    ProcessInstance pi = apply("PARAMEDISCHE_ZORG", "2026-05-11T09:00:00+02:00",
        Map.of("agbCode", declared, "declaredName", "Fysio Centrum Olst"));

    assertThat(pi).isWaitingAt("Task_ClarifyAgb").hasPassed("BoundaryEvent_AgbNotConfirmed");
    assertThat(pi).task().hasCandidateGroup("inkoop-paramedische-zorg");
    assertThat(runtime.getVariable(pi.getId(), "agbCheckErrorCode")).isEqualTo("AGB_MISMATCH");
    assertThat((String) runtime.getVariable(pi.getId(), "agbCheckError"))
        .contains("naam (opgegeven: 'Fysio Centrum Olst', AGB-register: 'Fysiotherapie De Brink')");

    driver.complete(pi, "Task_ClarifyAgb", Map.of("agbMismatchResolved", true,
        "agbClarification", "Handelsnaam; de statutaire naam staat in het AGB-register"));

    assertThat(pi).isWaitingAt("Task_AssessParamedicalCare").hasPassed("Gateway_AgbConfirmed");
    Provider registered = providers.find(new AgbCode(declared)).orElseThrow();
    assertThat(registered.name()).isEqualTo("Fysiotherapie De Brink");
    assertThat(registered.municipality()).isEqualTo("Deventer");
  }

  @Test
  void shouldRejectWhenTheAgbMismatchIsNotResolved() {
    String declared = stubRegisteredAs("Fysiotherapie De Brink");
    ProcessInstance pi = apply("PARAMEDISCHE_ZORG", "2026-05-11T09:00:00+02:00",
        Map.of("agbCode", declared, "declaredName", "Fysio Centrum Olst"));

    driver.complete(pi, "Task_ClarifyAgb", Map.of("agbMismatchResolved", false,
        "agbClarification", "De zorgaanbieder kan de afwijking niet verklaren"));

    assertThat(pi).isEnded().hasPassed("Task_MailRejection", "EndEvent_Rejected").hasNotPassed(
        "Task_RegisterProvider");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("REJECTED");
    assertThat((String) driver.variable(pi, "rejectionReasons")).startsWith("Afwijkend van het AGB-register: naam")
        .endsWith("Toelichting: De zorgaanbieder kan de afwijking niet verklaren");
    // The AGB registration was not confirmed: the mail does not name the provider.
    assertThat(mail(pi, "Task_MailRejection").body()).contains("De zorgaanbieder kan de afwijking niet verklaren")
        .contains("voor uw organisatie (AGB-code " + declared + ")");
    assertThat(providers.find(new AgbCode(declared))).isEmpty();
  }

  @Test
  void shouldSendAnUnknownAgbCodeToTheClarificationTask() {
    String unknown = TestAgbCodes.next();
    RemoteStandIns.wireMock().stubFor(get(urlPathEqualTo("/agb/providers/" + unknown))
        .willReturn(aResponse().withStatus(404)));

    ProcessInstance pi = apply("HUISARTSENZORG", "2026-08-03T09:00:00+02:00", Map.of("agbCode", unknown));

    assertThat(pi).isWaitingAt("Task_ClarifyAgb");
    assertThat(runtime.getVariable(pi.getId(), "agbCheckErrorCode")).isEqualTo("AGB_NOT_FOUND");
  }

  // ------------------------------------------------------------------ short-term care

  @Test
  void shouldRejectAShortTermCareProviderBelowTheMinimumRequirementWithTheTablesReason() {
    ProcessInstance pi = apply("KORTDURENDE_ZORG", "2026-05-04T10:00:00+02:00", Map.of("grzBeds", 9));

    assertThat(pi).isEnded().hasPassed("Task_DetermineShortTermCareEligibility", "EndEvent_Rejected")
        .hasNotPassed("Task_AssessShortTermCare");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("REJECTED");
    assertThat((String) driver.variable(pi, "rejectionReasons")).contains("Minder dan tien GRZ-bedden")
        .contains("000_5b3b4acc3ecb3548.txt:387");
    assertThat(mail(pi, "Task_MailRejection").body()).contains("Minder dan tien GRZ-bedden");
  }

  @Test
  void shouldOfferAShortTermCareContractAndUpdateTheRegister() {
    ProcessInstance pi = apply("KORTDURENDE_ZORG", "2026-05-04T10:00:00+02:00");
    assertThat(runtime.getVariable(pi.getId(), "contractFormAdvice")).isEqualTo("STANDAARD");

    at("2026-06-15T10:00:00+02:00");
    driver.complete(pi, "Task_AssessShortTermCare", Map.of("approved", true, "contractForm", "MAATWERK",
        "innovationOrGapEvidence", "GRZ voor jonge CVA-patiënten; wachtlijst in Deventer",
        "marketAssessment", "Bestaande aanbieders hebben wachttijden van 6 weken",
        "assessmentMotivation", "Vult een aantoonbare lacune"));

    assertThat(pi).isEnded().hasPassed("Task_MailContractOffered", "EndEvent_ContractOffered");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("CONTRACT_OFFERED");
    assertThat(driver.variable(pi, "contractForm")).isEqualTo("MAATWERK");
    assertThat(driver.variable(pi, "contractType")).isEqualTo("GRZ");
    assertThat(driver.variable(pi, "contractStartDate")).isEqualTo("2027-01-01");
    assertThat(driver.variable(pi, "contractEndDate")).isEqualTo("2027-12-31");
    Provider registered = providers.find(new AgbCode(agb)).orElseThrow();
    assertThat(registered.name()).isEqualTo("Testpraktijk");
    assertThat(registered.kvkNumber()).isEqualTo("12345678");
    assertThat(registered.email()).isEqualTo("praktijk-" + agb + "@example.nl");
    assertThat(mail(pi, "Task_MailContractOffered").body()).contains("een maatwerkovereenkomst")
        .contains("1 januari 2027").contains("31 december 2027").contains("Testpraktijk");
  }

  @Test
  void shouldRecordAndMailTheAssessorsGroundsWhenAShortTermCareProviderIsRejected() {
    ProcessInstance pi = apply("KORTDURENDE_ZORG", "2026-05-04T10:00:00+02:00");
    String ground = "Geen innovatief product of zorg voor een doelgroep met een aantoonbare lacune in het zorgaanbod "
        + "(000_5b3b4acc3ecb3548.txt:482)";

    driver.complete(pi, "Task_AssessShortTermCare", Map.of("approved", false,
        "rejectionGrounds", SpinValues.jsonValue("[\"" + ground + "\"]").create(),
        "innovationOrGapEvidence", "Regulier GRZ-aanbod", "marketAssessment", "Voldoende ingekocht",
        "assessmentMotivation", "Het aanbod in de regio is toereikend"));

    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected").hasNotPassed("Task_MailContractOffered");
    assertThat(driver.variable(pi, "rejectionReasons"))
        .isEqualTo(ground + ". Toelichting: Het aanbod in de regio is toereikend");
    assertThat(mail(pi, "Task_MailRejection").body()).contains(ground);
  }

  @Test
  void shouldNameTheMissingInputWhenADecisionCannotBeTaken() {
    at("2026-05-04T10:00:00+02:00");
    String code = TestAgbCodes.next();
    Map<String, Object> variables = new HashMap<>(reviewInputs("KORTDURENDE_ZORG"));
    variables.remove("grzBeds");
    variables.putAll(Map.of("agbCode", code, "sector", "KORTDURENDE_ZORG", "contractYear", 2027,
        "applicationDate", "2026-05-04"));
    ProcessInstance pi = runtime.startProcessInstanceByKey("newProviderReview", variables);
    Job agbCheck = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    management.executeJob(agbCheck.getId());

    Job decision = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> management.executeJob(decision.getId())).hasStackTraceContaining("grzBeds is verplicht");
    // Nothing is lost: the case still waits before the decision; set grzBeds and retry (Cockpit).
    assertThat(pi).isWaitingAt("Task_DetermineShortTermCareEligibility");
    runtime.setVariable(pi.getId(), "grzBeds", 10);
    management.executeJob(decision.getId());
    driver.runDueJobs(pi);
    assertThat(pi).isWaitingAt("Task_AssessShortTermCare");
  }

  // ------------------------------------------------------------------ GP care

  @Test
  void shouldOfferAGpContractWithTheContractFormTheTableAdvises() {
    ProcessInstance pi = apply("HUISARTSENZORG", "2026-08-03T09:00:00+02:00",
        Map.of("providerKind", "REGIONAL_GP_ORGANISATION"));
    assertThat(runtime.getVariable(pi.getId(), "contractFormAdvice")).isEqualTo("MAATWERK");

    driver.complete(pi, "Task_AssessGpCare", Map.of("approved", true, "assessmentMotivation", "Voldoet"));

    assertThat(pi).isEnded().hasPassed("EndEvent_ContractOffered");
    assertThat(driver.variable(pi, "contractForm")).isEqualTo("MAATWERK");
    assertThat(driver.variable(pi, "contractType")).isNull();
    assertThat(driver.variable(pi, "contractEndDate")).isEqualTo("2027-12-31");
  }

  @Test
  void shouldRejectAGpPracticeThatMissesAMinimumRequirement() {
    ProcessInstance pi = apply("HUISARTSENZORG", "2026-08-03T09:00:00+02:00");
    String ground = "Geen HIS met een keurmerk (001_19245b1b7297894e.txt:501)";

    driver.complete(pi, "Task_AssessGpCare", Map.of("approved", false, "assessmentMotivation", "Geen keurmerk",
        "rejectionGrounds", SpinValues.jsonValue("[\"" + ground + "\"]").create()));

    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(driver.variable(pi, "rejectionReasons")).isEqualTo(ground + ". Toelichting: Geen keurmerk");
  }

  @Test
  void shouldRefuseToCloseTheAssessmentWithoutItsDecision() {
    ProcessInstance pi = apply("HUISARTSENZORG", "2026-08-03T09:00:00+02:00");

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), Map.of("assessmentMotivation", "vergeten")))
        .hasMessageContaining("approved: is required");
    assertThat(pi).isWaitingAt("Task_AssessGpCare");
  }

  // ------------------------------------------------------------------ paramedical care

  @Test
  void shouldOfferPhysiotherapyContractAForTwoCalendarYears() {
    ProcessInstance pi = apply("PARAMEDISCHE_ZORG", "2026-05-11T09:00:00+02:00");
    assertThat(runtime.getVariable(pi.getId(), "contractType")).isEqualTo("A");

    driver.complete(pi, "Task_AssessParamedicalCare", Map.of("approved", true, "assessmentMotivation", "Voldoet"));

    assertThat(pi).isEnded().hasPassed("Task_DeterminePhysiotherapyContractType",
        "Task_DetermineParamedicalContractTerm", "EndEvent_ContractOffered");
    assertThat(driver.variable(pi, "contractForm")).isEqualTo("STANDAARD");
    assertThat(driver.variable(pi, "contractType")).isEqualTo("A");
    assertThat(driver.variable(pi, "contractStartDate")).isEqualTo("2027-01-01");
    assertThat(driver.variable(pi, "contractEndDate")).isEqualTo("2028-12-31");
    assertThat(driver.variable(pi, "contractTerm")).isEqualTo("P2Y");
  }

  @Test
  void shouldShortenTheTermProportionallyForAMidTermEntry() {
    // 002_d8da34609ae20a88.txt:545 "Bij tussentijdse instroom is de looptijd evenredig korter".
    ProcessInstance pi = apply("PARAMEDISCHE_ZORG", "2026-10-20T11:00:00+02:00",
        Map.of("paramedicalDiscipline", "SPEECH_THERAPY", "hasQualityCertificate", false));
    assertThat(runtime.getVariable(pi.getId(), "contractType")).isEqualTo("B");

    driver.complete(pi, "Task_AssessParamedicalCare", Map.of("approved", true, "assessmentMotivation", "Voldoet",
        "contractStartDate", "2027-07-01"));

    assertThat(pi).isEnded().hasPassed("Task_DetermineSpeechTherapyContractType", "EndEvent_ContractOffered");
    assertThat(driver.variable(pi, "contractStartDate")).isEqualTo("2027-07-01");
    assertThat(driver.variable(pi, "contractEndDate")).isEqualTo("2028-12-31");
    assertThat(driver.variable(pi, "contractTerm")).isEqualTo("P1Y6M");
  }

  @Test
  void shouldRefuseAnApprovedMidTermEntryWithoutAStartDateNamingIt() {
    ProcessInstance pi = apply("PARAMEDISCHE_ZORG", "2026-10-20T11:00:00+02:00");

    assertThatThrownBy(() -> taskService.complete(task(pi).getId(), Map.of("approved", true,
        "assessmentMotivation", "Voldoet"))).hasStackTraceContaining("contractStartDate ontbreekt");
    assertThat(pi).isWaitingAt("Task_AssessParamedicalCare");
  }

  @Test
  void shouldOfferAnotherDisciplineWithoutAContractTypeAndRejectAPracticeBelowTheBaseRequirements() {
    ProcessInstance dietetics = apply("PARAMEDISCHE_ZORG", "2026-05-11T09:00:00+02:00",
        Map.of("paramedicalDiscipline", "DIETETICS"));
    assertThat(dietetics).isWaitingAt("Task_AssessParamedicalCare").hasNotPassed(
        "Task_DeterminePhysiotherapyContractType");
    driver.complete(dietetics, "Task_AssessParamedicalCare", Map.of("approved", true,
        "assessmentMotivation", "Voldoet"));
    assertThat(driver.variable(dietetics, "outcome")).isEqualTo("CONTRACT_OFFERED");
    assertThat(driver.variable(dietetics, "contractType")).isNull();

    ProcessInstance belowBase = apply("PARAMEDISCHE_ZORG", "2026-05-11T09:00:00+02:00",
        Map.of("meetsBaseRequirements", false));
    assertThat(belowBase).isEnded().hasPassed("Gateway_BaseRequirements", "EndEvent_Rejected")
        .hasNotPassed("Task_AssessParamedicalCare");
    assertThat((String) driver.variable(belowBase, "rejectionReasons")).contains("basiseisen")
        .contains("002_d8da34609ae20a88.txt:428");
  }

  // ------------------------------------------------------------------ GGZ

  @Test
  void shouldRecordTheTickedGgzRefusalGroundsAndMailThem() {
    ProcessInstance pi = apply("GGZ", "2026-05-20T14:00:00+02:00");
    assertThat(runtime.getVariable(pi.getId(), "providerKind")).isEqualTo("VRIJGEVESTIGDE");

    driver.complete(pi, "Task_AssessGgz", Map.of("approved", false,
        "rejectionGrounds", SpinValues.jsonValue("[\"" + GROUND_DIAGNOSTICS + "\", \"" + GROUND_FRAUD + "\"]")
            .create(),
        "positiveFactorsAssessment", "Geen innovatief aanbod", "purchasedVolumeAssessment", "Ruim ingekocht",
        "assessmentMotivation", "Twee weigeringsgronden gelden"));

    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    SpinJsonNode recorded = (SpinJsonNode) driver.variable(pi, "rejectionGrounds");
    assertThat(recorded.elements()).extracting(SpinJsonNode::stringValue)
        .containsExactly(GROUND_DIAGNOSTICS, GROUND_FRAUD);
    assertThat(driver.variable(pi, "rejectionReasons")).isEqualTo(GROUND_DIAGNOSTICS + "; " + GROUND_FRAUD
        + ". Toelichting: Twee weigeringsgronden gelden");
    assertThat(mail(pi, "Task_MailRejection").body()).contains(GROUND_DIAGNOSTICS).contains(GROUND_FRAUD);
    assertThat(providers.find(new AgbCode(agb))).isPresent();
  }

  @Test
  void shouldOfferAGgzContract() {
    ProcessInstance pi = apply("GGZ", "2026-05-20T14:00:00+02:00", Map.of("fteRegiebehandelaren", 9,
        "limitedShareOfCosts", false, "inMiddenIJssel", true));
    assertThat(runtime.getVariable(pi.getId(), "providerKind")).isEqualTo("INSTELLING");

    driver.complete(pi, "Task_AssessGgz", Map.of("approved", true, "contractForm", "MAATWERK",
        "positiveFactorsAssessment", "Digitale behandeling voor jongeren", "purchasedVolumeAssessment",
        "Tekort aan jeugd-GGZ", "assessmentMotivation", "Meerwaarde voor de regio"));

    assertThat(pi).isEnded().hasPassed("EndEvent_ContractOffered");
    assertThat(driver.variable(pi, "contractFormAdvice")).isEqualTo("MAATWERK");
    assertThat(driver.variable(pi, "contractType")).isEqualTo("INSTELLING");
    assertThat(List.of(driver.variable(pi, "contractStartDate"), driver.variable(pi, "contractEndDate")))
        .containsExactly("2027-01-01", "2027-12-31");
  }

  /** The AGB register knows the new code under this name (Deventer); returns the code. */
  private static String stubRegisteredAs(String name) {
    String code = TestAgbCodes.next();
    RemoteStandIns.wireMock().stubFor(get(urlPathEqualTo("/agb/providers/" + code)).willReturn(okJson("""
        {"agbCode": "%s", "name": "%s", "address": "Brink 12, 7411 BR Deventer", "municipality": "Deventer",
         "kvkNumber": "87654321", "careType": "Fysiotherapie", "practitioners": []}""".formatted(code, name))));
    return code;
  }
}
