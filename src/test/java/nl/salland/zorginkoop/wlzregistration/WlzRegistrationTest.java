package nl.salland.zorginkoop.wlzregistration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.dashboard.DeadlineBoard;
import nl.salland.zorginkoop.dashboard.DeadlineBoard.DeadlineRow;
import nl.salland.zorginkoop.dashboard.DeadlineFilter;
import nl.salland.zorginkoop.dashboard.DeadlineState;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import nl.salland.zorginkoop.integration.mail.MailOutbox;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * wlzRegistration (bpmn/wlz-registration.bpmn): the assessment of a Wlz Gz registration for 2027 along the
 * timeline of 004_fbae119c7f6fc4e4.txt:797-808, on the real 2026 dates with the engine clock.
 */
@ZorginkoopTest
class WlzRegistrationTest {

  static final String EXCLUDED_FALSE_DATA = "De zorgaanbieder verstrekt onjuiste en/of valse gegevens "
      + "(004_fbae119c7f6fc4e4.txt:738)";
  static final String GROUND_BUSINESS_PLAN = "Het ondernemingsplan is onvoldoende toekomstbestendig, reëel of "
      + "haalbaar (004_fbae119c7f6fc4e4.txt:774)";

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
  WlzRegistrationRegister registrations;
  @Autowired
  DeadlineBoard deadlines;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;

  private String agb;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** The wlzProviderCategory / wlzContractDuration / wlzTariffPercentage inputs of each kind of provider. */
  static Map<String, Object> provider(String kind) {
    return switch (kind) {
      case "EXISTING" -> Map.of("contractWithThisOffice", true, "contractedWholePreviousYear", true,
          "wlzRevenuePreviousYear", 150000, "clusterStartingPercentage", 96.5);
      case "EXISTING_SMALL" -> Map.of("contractWithThisOffice", true, "contractedWholePreviousYear", true,
          "wlzRevenuePreviousYear", 80000, "clusterStartingPercentage", 96.5);
      case "EXISTING_NEW_TO_OFFICE" -> Map.of("contractWithThisOffice", false, "contractWithOtherOffice", true,
          "otherOfficeContractWholePreviousYear", true, "declaringSinceJanuaryFirst", true);
      case "NEW" -> Map.of("contractWithThisOffice", false, "contractWithOtherOffice", false,
          "clusterStartingPercentage", 95.5);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  /** A registration arrives at {@code registeredAt} (the clock stands there) and runs to its first wait. */
  private ProcessInstance register(String registeredAt, String kind, Map<String, Object> changes) {
    at(registeredAt);
    agb = (String) changes.getOrDefault("agbCode", TestAgbCodes.next());
    Map<String, Object> variables = new HashMap<>(provider(kind));
    variables.putAll(Map.of("agbCode", agb, "contractYear", 2027, "registeredAt", registeredAt, "complete", true));
    variables.putAll(changes);
    ProcessInstance pi = runtime.startProcessInstanceByKey("wlzRegistration", agb + "-WLZ_GZ-2027", variables);
    driver.runDueJobs(pi);
    return pi;
  }

  private ProcessInstance register(String registeredAt, String kind) {
    return register(registeredAt, kind, Map.of());
  }

  private void documentsInOrder(ProcessInstance pi) {
    driver.complete(pi, "Task_CheckDocuments", Map.of("documentsCheckOutcome", "IN_ORDER",
        "documentsCheckNotes", "Bestuursverklaring volledig en ondertekend"));
  }

  private void integrityChecked(ProcessInstance pi) {
    driver.complete(pi, "Task_IntegrityCheck", Map.of("integrityConcerns", false,
        "integrityFindings", "Geen bevindingen in KvK, UBO-register en eigen registratie"));
  }

  private void approved(ProcessInstance pi, Map<String, Object> more) {
    Map<String, Object> variables = new HashMap<>(Map.of("approved", true,
        "addedValueAssessment", "Vult het tekort aan logeerplekken in Deventer", "assessmentMotivation", "Positief"));
    variables.putAll(more);
    driver.complete(pi, "Task_FinalAssessment", variables);
  }

  private String mailBody(ProcessInstance pi, String activityId) {
    return outbox.find(pi.getId() + ":" + activityId).orElseThrow().body();
  }

  private Task task(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  private String deadlineStatus(ProcessInstance pi, String milestone) {
    return jdbc.sql("SELECT status FROM zi_deadline WHERE process_instance_id = :pi AND milestone = :m")
        .param("pi", pi.getId()).param("m", milestone).query(String.class).single();
  }

  private static Date moment(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }

  // ------------------------------------------------------------------ not assessed

  @Test
  void shouldNotAssessARegistrationThatArrivesOneMinuteLate() {
    // "De inschrijving sluit op 31 juli 2026 om 17.00 uur exact" (004_fbae119c7f6fc4e4.txt:818).
    ProcessInstance onTime = register("2026-07-31T17:00:00+02:00", "EXISTING");
    assertThat(onTime).isWaitingAt("Task_CheckDocuments").hasPassed("Task_DetermineCategory");
    assertThat(onTime).task().hasCandidateGroup("inkoop-wlz");
    assertThat(runtime.getVariable(onTime.getId(), "sector")).isEqualTo("WLZ_GZ");

    ProcessInstance late = register("2026-07-31T17:01:00+02:00", "EXISTING");

    assertThat(late).isEnded().hasPassed("Task_MailNotAssessedLate", "EndEvent_NotAssessedLate")
        .hasNotPassed("Task_DetermineCategory");
    assertThat(driver.variable(late, "outcome")).isEqualTo("NOT_ASSESSED_LATE");
    assertThat(mailBody(late, "Task_MailNotAssessedLate")).contains("31 juli 2026 om 17:01")
        .contains("31 juli 2026 om 17:00").contains("niet meer in behandeling");
    assertThat(registrations.find(late.getId()).orElseThrow().status()).isEqualTo("NOT_ASSESSED_LATE");
  }

  @Test
  void shouldNotAssessAnIncompleteRegistrationNorAcceptItsCompletionLater() {
    ProcessInstance incomplete = register("2026-07-14T10:00:00+02:00", "NEW", Map.of("complete", false));

    assertThat(incomplete).isEnded().hasPassed("EndEvent_NotAssessedIncomplete").hasNotPassed(
        "Task_DetermineCategory");
    assertThat(driver.variable(incomplete, "outcome")).isEqualTo("NOT_ASSESSED_INCOMPLETE");
    assertThat(mailBody(incomplete, "Task_MailNotAssessedIncomplete")).contains("onvolledig ingediend")
        .contains("aanvulling op uw initiatief is niet toegestaan");

    // The provider sends the missing documents with a new registration, still before the closing: not allowed.
    ProcessInstance completion = register("2026-07-20T10:00:00+02:00", "NEW", Map.of("agbCode", agb));

    assertThat(completion).isEnded().hasPassed("EndEvent_ReregistrationRefused");
    assertThat(driver.variable(completion, "outcome")).isEqualTo("NOT_ASSESSED_REREGISTRATION");
    assertThat(driver.variable(completion, "earlierRegistration")).isEqualTo("NOT_ASSESSED_INCOMPLETE");
    assertThat(mailBody(completion, "Task_MailReregistrationRefused")).contains("was onvolledig");
    assertThat(registrations.findAll(agb, 2027)).extracting(WlzRegistration::status)
        .containsExactly("NOT_ASSESSED_INCOMPLETE", "NOT_ASSESSED_REREGISTRATION");
  }

  @Test
  void shouldNotAssessARegistrationTheOfficeFindsIncomplete() {
    ProcessInstance pi = register("2026-07-14T10:00:00+02:00", "EXISTING_NEW_TO_OFFICE");
    assertThat(runtime.getVariable(pi.getId(), "providerCategory")).isEqualTo("EXISTING_NEW_TO_OFFICE");

    driver.complete(pi, "Task_CheckDocuments", Map.of("documentsCheckOutcome", "INCOMPLETE",
        "documentsCheckNotes", "Het bedrijfs- en financieel plan ontbreekt."));

    assertThat(pi).isEnded().hasPassed("EndEvent_NotAssessedIncomplete");
    assertThat(registrations.find(pi.getId()).orElseThrow().reasons())
        .isEqualTo("Het bedrijfs- en financieel plan ontbreekt.");
  }

  // ------------------------------------------------------------------ no second registration in the same year

  @Test
  void shouldRefuseASecondRegistrationForTheYearAfterARejection() {
    ProcessInstance first = register("2026-07-06T10:00:00+02:00", "NEW");
    at("2026-07-20T10:00:00+02:00");
    driver.complete(first, "Task_CheckDocuments", Map.of("documentsCheckOutcome", "EXCLUDED",
        "exclusionGrounds", SpinValues.jsonValue("[\"" + EXCLUDED_FALSE_DATA + "\"]").create(),
        "documentsCheckNotes", "De KvK-gegevens in de bestuursverklaring zijn onjuist."));
    assertThat(first).isEnded().hasPassed("EndEvent_Rejected");
    assertThat(driver.variable(first, "rejectionReasons")).isEqualTo(EXCLUDED_FALSE_DATA
        + ". Toelichting: De KvK-gegevens in de bestuursverklaring zijn onjuist.");

    // Still before the closing, the provider registers again through VECOZO (004_fbae119c7f6fc4e4.txt:748).
    at("2026-07-25T10:00:00+02:00");
    String adapter = TestUsers.ensure(identity, "test-vecozo-adapter", Groups.SYSTEM_INTEGRATIONS);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> answer = rest.withBasicAuth(adapter, TestUsers.PASSWORD).postForEntity(
        "/api/vecozo/wlz-registrations", new HttpEntity<>("""
            {"agbCode": "%s", "contractYear": 2027, "registeredAt": "2026-07-25T10:00:00+02:00", "complete": true,
             "contractWithThisOffice": false, "contractWithOtherOffice": false}""".formatted(agb), headers),
        Map.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ProcessInstance second = runtime.createProcessInstanceQuery()
        .processInstanceId((String) answer.getBody().get("processInstanceId")).singleResult();
    driver.runDueJobs(second);
    assertThat(second).isEnded().hasPassed("Task_MailReregistrationRefused", "EndEvent_ReregistrationRefused")
        .hasNotPassed("Task_DetermineCategory");
    assertThat(driver.variable(second, "outcome")).isEqualTo("NOT_ASSESSED_REREGISTRATION");
    assertThat(mailBody(second, "Task_MailReregistrationRefused")).contains("is afgewezen")
        .contains("niet opnieuw (tussentijds) inschrijven");
    assertThat(registrations.findAll(agb, 2027)).extracting(WlzRegistration::status)
        .containsExactly("REJECTED", "NOT_ASSESSED_REREGISTRATION");
  }

  @Test
  void shouldRefuseASecondRegistrationWhileTheFirstIsStillAssessed() {
    ProcessInstance first = register("2026-07-06T10:00:00+02:00", "EXISTING");

    ProcessInstance second = register("2026-07-07T10:00:00+02:00", "EXISTING", Map.of("agbCode", agb));

    assertThat(second).isEnded().hasPassed("EndEvent_ReregistrationRefused");
    assertThat(driver.variable(second, "earlierRegistration")).isEqualTo("ASSESSING");
    assertThat(first).isWaitingAt("Task_CheckDocuments");
  }

  // ------------------------------------------------------------------ offer, window, contracting

  @Test
  void shouldContractAnExistingProviderForSeveralYearsAfterTheSummaryProceedingsWindow() {
    ProcessInstance pi = register("2026-07-15T10:00:00+02:00", "EXISTING");
    assertThat(runtime.getVariable(pi.getId(), "providerCategory")).isEqualTo("EXISTING");
    assertThat(runtime.getVariable(pi.getId(), "contractDuration")).isEqualTo("MULTI_YEAR");
    assertThat(runtime.getVariable(pi.getId(), "continuityConversationRequired")).isEqualTo(false);
    // Phases 1 and 2 before the conversations (CONVERSATIONS_DUE, 004_fbae119c7f6fc4e4.txt:804).
    assertThat(task(pi).getDueDate()).isEqualTo(moment("2026-10-02T23:59:59.999+02:00"));

    at("2026-08-10T10:00:00+02:00");
    documentsInOrder(pi);
    integrityChecked(pi);
    assertThat(pi).isWaitingAt("Task_FinalAssessment").hasNotPassed("Task_HoldConversation");
    assertThat(task(pi).getDueDate()).isEqualTo(moment("2026-10-23T23:59:59.999+02:00"));

    at("2026-10-23T15:00:00+02:00");
    approved(pi, Map.of());

    assertThat(pi).isWaitingAt("Event_SummaryProceedingsWindowPassed").hasPassed("Task_MailOffer");
    assertThat(runtime.getVariable(pi.getId(), "tariffPercentage")).isEqualTo(96.5);
    assertThat(runtime.getVariable(pi.getId(), "summaryProceedingsDue"))
        .isEqualTo(moment("2026-11-06T23:59:59.999+01:00"));
    assertThat(mailBody(pi, "Task_MailOffer")).contains("een meerjarenovereenkomst").contains("96,5 procent")
        .contains("6 november 2026").contains("geen aanvullende voorwaarden");

    driver.moveTo(pi, "2026-11-06T23:59:00+01:00");
    assertThat(pi).isWaitingAt("Event_SummaryProceedingsWindowPassed");
    driver.moveTo(pi, "2026-11-07T00:00:00+01:00");
    assertThat(pi).isWaitingAt("Task_ContractDefinitively");
    // Definitive contracting and the NZa production agreement by 13 November (004_fbae119c7f6fc4e4.txt:808, :836).
    assertThat(task(pi).getDueDate()).isEqualTo(moment("2026-11-13T23:59:59.999+01:00"));

    at("2026-11-10T10:00:00+01:00");
    driver.complete(pi, "Task_ContractDefinitively", Map.of("productionAgreement", "Wonen met intensieve begeleiding: "
        + "12 plaatsen"));

    assertThat(pi).isEnded().hasPassed("Task_SubmitProductionAgreement", "EndEvent_Contracted");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("CONTRACT_OFFERED");
    assertThat((String) driver.variable(pi, "nzaSubmissionReference")).startsWith("NZA-TEST-");
    WlzRegistration recorded = registrations.find(pi.getId()).orElseThrow();
    assertThat(recorded.status()).isEqualTo("CONTRACT_OFFERED");
    assertThat(recorded.providerCategory()).isEqualTo("EXISTING");
    assertThat(recorded.contractDuration()).isEqualTo("MULTI_YEAR");
    assertThat(recorded.tariffPercentage()).isEqualByComparingTo(new BigDecimal("96.5"));
  }

  @Test
  void shouldOfferANewProviderUnderConditionsAndSendAnUnmetConditionToATaskWhenTheSettlingInTimeEnds() {
    ProcessInstance pi = driveNewProviderToContracting();

    assertThat(pi).isWaitingAt("Task_RecheckConditions");
    // At the latest six months after the contract start (CONDITION_RECHECK_TERM, 004_fbae119c7f6fc4e4.txt:789).
    assertThat(task(pi).getDueDate()).isEqualTo(moment("2027-07-01T23:59:59.999+02:00"));

    driver.moveTo(pi, "2027-07-01T23:59:00+02:00");
    assertThat(pi).isWaitingAt("Task_RecheckConditions");
    driver.moveTo(pi, "2027-07-02T00:00:00+02:00");

    assertThat(pi).isWaitingAt("Task_HandleUnmetCondition").hasPassed("BoundaryEvent_SettlingInTermPassed");
    assertThat(runtime.getVariable(pi.getId(), "conditionsMet")).isEqualTo(false);
    assertThat(deadlineStatus(pi, "CONDITION_RECHECK_TERM")).isEqualTo("MISSED");
    driver.complete(pi, "Task_HandleUnmetCondition", Map.of("unmetConditionMeasure",
        "Verbeterplan binnen vier weken; anders geen nieuwe cliënten"));
    assertThat(pi).isEnded().hasPassed("EndEvent_UnmetConditionHandled");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("CONTRACT_OFFERED");
  }

  @Test
  void shouldEndWhenTheConditionsAreConfirmedMet() {
    ProcessInstance pi = driveNewProviderToContracting();

    at("2027-05-03T10:00:00+02:00");
    driver.complete(pi, "Task_RecheckConditions", Map.of("conditionsMet", true,
        "conditionsCheckNotes", "BIG-registraties en ECD aanwezig"));

    assertThat(pi).isEnded().hasPassed("EndEvent_ConditionsMet").hasNotPassed("Task_HandleUnmetCondition");
    assertThat(deadlineStatus(pi, "CONDITION_RECHECK_TERM")).isEqualTo("MET");
  }

  @Test
  void shouldSendAConditionFoundUnmetToTheTask() {
    ProcessInstance pi = driveNewProviderToContracting();

    at("2027-06-15T10:00:00+02:00");
    driver.complete(pi, "Task_RecheckConditions", Map.of("conditionsMet", false,
        "conditionsCheckNotes", "Geen elektronisch cliëntdossier"));

    assertThat(pi).isWaitingAt("Task_HandleUnmetCondition").hasNotPassed("BoundaryEvent_SettlingInTermPassed");
  }

  /** A new provider: conversation, an offer under conditions at 2 points below the cluster, contracted. */
  private ProcessInstance driveNewProviderToContracting() {
    ProcessInstance pi = register("2026-07-20T10:00:00+02:00", "NEW");
    assertThat(runtime.getVariable(pi.getId(), "contractDuration")).isEqualTo("ONE_YEAR");
    at("2026-08-17T10:00:00+02:00");
    documentsInOrder(pi);
    integrityChecked(pi);
    assertThat(pi).isWaitingAt("Task_HoldConversation").hasPassed("Task_MailConversationRequest");
    assertThat(mailBody(pi, "Task_MailConversationRequest")).contains("bij voorkeur bij u op locatie");
    at("2026-09-15T16:00:00+02:00");
    driver.complete(pi, "Task_HoldConversation", Map.of("conversationDate", "2026-09-15",
        "conversationOnLocation", true, "conversationFindings", "Beeld komt overeen met het ondernemingsplan"));
    at("2026-10-16T10:00:00+02:00");
    approved(pi, Map.of("offerUnderConditions", true, "offerConditions", "Elektronisch cliëntdossier in gebruik"));
    // New providers: 2 percentage points below the cluster's starting percentage (004_fbae119c7f6fc4e4.txt:490).
    assertThat(runtime.getVariable(pi.getId(), "tariffPercentage")).isEqualTo(93.5);
    assertThat(mailBody(pi, "Task_MailOffer")).contains("een overeenkomst voor één jaar").contains("93,5 procent")
        .contains("onder voorwaarden").contains("Elektronisch cliëntdossier in gebruik")
        .contains("30 oktober 2026");
    driver.moveTo(pi, "2026-10-31T09:00:00+01:00");
    driver.complete(pi, "Task_ContractDefinitively", Map.of("productionAgreement", "Logeren: 4 plaatsen"));
    return pi;
  }

  @Test
  void shouldLetStaffResolveAnNzaRejection() {
    ProcessInstance pi = register("2026-07-15T10:00:00+02:00", "EXISTING");
    RemoteStandIns.wireMock().stubFor(post(urlPathEqualTo("/nza/production-agreements"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(aResponse().withStatus(422).withBody("prestatiecode onbekend")));
    at("2026-08-10T10:00:00+02:00");
    documentsInOrder(pi);
    integrityChecked(pi);
    at("2026-10-20T10:00:00+02:00");
    approved(pi, Map.of());
    driver.moveTo(pi, "2026-11-04T00:00:00+01:00");
    driver.complete(pi, "Task_ContractDefinitively", Map.of("productionAgreement", "Onbekende prestatie"));

    assertThat(pi).isWaitingAt("Task_ResolveNzaRejection").hasPassed("BoundaryEvent_NzaRejected");
    assertThat((String) runtime.getVariable(pi.getId(), "nzaRejection")).contains("prestatiecode onbekend");
    assertThat(task(pi).getDueDate()).isEqualTo(moment("2026-11-13T23:59:59.999+01:00"));
    driver.complete(pi, "Task_ResolveNzaRejection", Map.of("nzaSubmissionReference", "NZA-PORTAAL-1234"));

    assertThat(pi).isEnded().hasPassed("EndEvent_Contracted");
    assertThat(driver.variable(pi, "nzaSubmissionReference")).isEqualTo("NZA-PORTAAL-1234");
  }

  // ------------------------------------------------------------------ clarification: five Dutch working days

  /**
   * No Dutch public holiday falls between the opening of the registration (1 July) and the contracting deadline
   * (13 November 2026), so these cases run before Whitsun 2026: the request on Friday 22 May, then the weekend with
   * Whit Monday 25 May; the fifth working day is Monday 1 June (without the holiday it would be Friday 29 May).
   */
  private ProcessInstance clarificationRequestedBeforeWhitsun() {
    ProcessInstance pi = register("2026-05-19T10:00:00+02:00", "NEW");
    at("2026-05-22T11:00:00+02:00");
    driver.complete(pi, "Task_CheckDocuments", Map.of("documentsCheckOutcome", "CLARIFICATION_NEEDED",
        "clarificationQuestion", "Op welke locaties levert u zorg?", "documentsCheckNotes", "Locaties onduidelijk"));
    assertThat(pi).isWaitingAt("Task_AwaitClarification").hasPassed("Task_MailClarificationRequest");
    assertThat(runtime.getVariable(pi.getId(), "clarificationDue"))
        .isEqualTo(moment("2026-06-01T23:59:59.999+02:00"));
    assertThat(mailBody(pi, "Task_MailClarificationRequest")).contains("Op welke locaties levert u zorg?")
        .contains("1 juni 2026");
    return pi;
  }

  @Test
  void shouldAcceptAClarificationOnTheFifthWorkingDayAfterTheWhitsunWeekend() {
    ProcessInstance pi = clarificationRequestedBeforeWhitsun();

    driver.moveTo(pi, "2026-06-01T16:00:00+02:00");
    driver.correlate(pi, "WlzClarificationReceived", Map.of("clarification", "Deventer en Raalte"));

    assertThat(pi).isWaitingAt("Task_ReviewClarification").hasNotPassed("BoundaryEvent_ClarificationTermPassed");
    assertThat(runtime.getVariable(pi.getId(), "clarificationReceived")).isEqualTo(true);
    assertThat(deadlineStatus(pi, "CLARIFICATION_TERM")).isEqualTo("MET");

    driver.complete(pi, "Task_ReviewClarification", Map.of("clarificationOutcome", "IN_ORDER",
        "clarificationReviewNotes", "Locaties duidelijk"));
    assertThat(pi).isWaitingAt("Task_IntegrityCheck");
  }

  @Test
  void shouldAssessWithoutTheClarificationOneDayLaterAndMayThenReject() {
    ProcessInstance pi = clarificationRequestedBeforeWhitsun();

    driver.moveTo(pi, "2026-06-02T09:00:00+02:00");

    assertThat(pi).isWaitingAt("Task_ReviewClarification").hasPassed("BoundaryEvent_ClarificationTermPassed");
    assertThat(runtime.getVariable(pi.getId(), "clarificationReceived")).isEqualTo(false);
    assertThat(deadlineStatus(pi, "CLARIFICATION_TERM")).isEqualTo("MISSED");
    assertThatThrownBy(() -> runtime.createMessageCorrelation("WlzClarificationReceived")
        .processInstanceBusinessKey(pi.getBusinessKey()).setVariable("clarification", "te laat").correlate())
        .isInstanceOf(MismatchingMessageCorrelationException.class);

    driver.complete(pi, "Task_ReviewClarification", Map.of("clarificationOutcome", "EXCLUDED",
        "exclusionGrounds", SpinValues.jsonValue("[\"" + EXCLUDED_FALSE_DATA + "\"]").create(),
        "clarificationReviewNotes", "Zonder toelichting blijven de locaties onjuist opgegeven"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
    assertThat((String) driver.variable(pi, "rejectionReasons")).startsWith(EXCLUDED_FALSE_DATA);
  }

  @Test
  void shouldNotAssessARegistrationThatTheClarificationShowsIncomplete() {
    ProcessInstance pi = clarificationRequestedBeforeWhitsun();
    driver.moveTo(pi, "2026-05-27T10:00:00+02:00");
    driver.correlate(pi, "WlzClarificationReceived", Map.of("clarification", "Het ondernemingsplan volgt later"));

    driver.complete(pi, "Task_ReviewClarification", Map.of("clarificationOutcome", "INCOMPLETE",
        "clarificationReviewNotes", "Het verplichte ondernemingsplan ontbreekt"));

    assertThat(pi).isEnded().hasPassed("EndEvent_NotAssessedIncomplete");
    assertThat(mailBody(pi, "Task_MailNotAssessedIncomplete")).contains("Het verplichte ondernemingsplan ontbreekt");
  }

  // ------------------------------------------------------------------ final assessment

  @Test
  void shouldRejectAfterTheFinalAssessmentWithTheRecordedGrounds() {
    ProcessInstance pi = register("2026-07-20T10:00:00+02:00", "NEW");
    at("2026-08-17T10:00:00+02:00");
    documentsInOrder(pi);
    integrityChecked(pi);
    driver.complete(pi, "Task_HoldConversation", Map.of("conversationDate", "2026-09-01",
        "conversationOnLocation", false, "conversationFindings", "Plan niet onderbouwd"));
    at("2026-10-23T11:00:00+02:00");

    driver.complete(pi, "Task_FinalAssessment", Map.of("approved", false,
        "rejectionGrounds", SpinValues.jsonValue("[\"" + GROUND_BUSINESS_PLAN + "\"]").create(),
        "addedValueAssessment", "Geen: het aanbod in de regio volstaat",
        "assessmentMotivation", "Financiële onderbouwing ontbreekt"));

    assertThat(pi).isEnded().hasPassed("Task_MailRejection", "EndEvent_Rejected").hasNotPassed("Task_DetermineTariff");
    String reasons = GROUND_BUSINESS_PLAN + ". Toelichting: Financiële onderbouwing ontbreekt";
    assertThat(driver.variable(pi, "rejectionReasons")).isEqualTo(reasons);
    // The summary proceedings term runs 14 days from the written feedback (004_fbae119c7f6fc4e4.txt:872).
    assertThat(mailBody(pi, "Task_MailRejection")).contains(reasons).contains("6 november 2026");
    assertThat(registrations.find(pi.getId()).orElseThrow()).extracting(WlzRegistration::status,
        WlzRegistration::reasons).containsExactly("REJECTED", reasons);
  }

  @Test
  void shouldHoldTheContinuityConversationWithAnExistingProviderBelowTheRevenueLimit() {
    // 004_fbae119c7f6fc4e4.txt:658: below € 100.000 a one-year contract and a conversation on quality and continuity.
    ProcessInstance pi = register("2026-07-15T10:00:00+02:00", "EXISTING_SMALL");
    assertThat(runtime.getVariable(pi.getId(), "contractDuration")).isEqualTo("ONE_YEAR");
    assertThat(runtime.getVariable(pi.getId(), "continuityConversationRequired")).isEqualTo(true);

    documentsInOrder(pi);
    integrityChecked(pi);

    assertThat(pi).isWaitingAt("Task_HoldConversation");
    assertThat(mailBody(pi, "Task_MailConversationRequest")).contains("kwaliteit en continuïteit");
  }

  @Test
  void shouldShowTheFinalFeedbackOnTheOverdueListAfter23October() {
    ProcessInstance pi = register("2026-07-15T10:00:00+02:00", "EXISTING");
    documentsInOrder(pi);
    integrityChecked(pi);
    assertThat(pi).isWaitingAt("Task_FinalAssessment");

    at("2026-10-23T23:59:00+02:00");
    assertThat(overdue()).isEmpty();
    at("2026-10-24T00:00:01+02:00");
    List<DeadlineRow> overdue = overdue();

    assertThat(overdue).singleElement().satisfies(row -> {
      assertThat(row.milestone()).isEqualTo("FINAL_FEEDBACK_DUE");
      assertThat(row.processKey()).isEqualTo("wlzRegistration");
      assertThat(row.sector()).isEqualTo("WLZ_GZ");
      assertThat(row.dueAt().toInstant()).isEqualTo(moment("2026-10-23T23:59:59.999+02:00").toInstant());
    });
    driver.complete(pi, "Task_FinalAssessment", Map.of("approved", true, "addedValueAssessment", "Bestaand aanbod",
        "assessmentMotivation", "Positief, maar te laat teruggekoppeld"));
    assertThat(deadlineStatus(pi, "FINAL_FEEDBACK_DUE")).isEqualTo("MISSED");
  }

  private List<DeadlineRow> overdue() {
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime();
    return deadlines.deadlines(DeadlineFilter.of("WLZ_GZ", agb, "OVERDUE", 6, 100, now)).stream()
        .filter(row -> row.state() == DeadlineState.OVERDUE).toList();
  }

  @Test
  void shouldNameAMissingCategoryInputAndLoseNothing() {
    at("2026-07-15T10:00:00+02:00");
    String code = TestAgbCodes.next();
    ProcessInstance pi = runtime.startProcessInstanceByKey("wlzRegistration", code + "-WLZ_GZ-2027", Map.of(
        "agbCode", code, "contractYear", 2027, "registeredAt", "2026-07-15T10:00:00+02:00", "complete", true));
    Job category = management.createJobQuery().processInstanceId(pi.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(category.getId()))
        .hasStackTraceContaining("contractWithThisOffice is verplicht");
    assertThat(pi).isWaitingAt("Task_DetermineCategory");
    assertThat(registrations.find(pi.getId()).orElseThrow().status()).isEqualTo("ASSESSING");
  }
}
