package nl.salland.zorginkoop.contracting;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.contract.ContractForm;
import nl.salland.zorginkoop.contract.ContractRegister;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contracting round for existing providers along the real 2026 dates of the contracting calendar
 * (000_5b3b4acc3ecb3548.txt:526-564): digital and face-to-face, signing on the last day and a day late, the offer on
 * 30 September and on 1 October, the insurer's 6-week term, no agreement, and stalls that go up the escalation
 * ladder while the round keeps its place.
 */
@ZorginkoopTest
class ContractingRoundTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  ContractRegister contracts;
  @Autowired
  ProviderRegister providers;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance startRound(String sector, String mode, String startedAt) {
    at(startedAt);
    String agb = TestAgbCodes.next();
    providers.save(new Provider(new AgbCode(agb), "Zorgaanbieder " + agb, null, "Deventer", agb + "@example.org"));
    ProcessInstance round = runtimeService.startProcessInstanceByKey("contractingRound", agb + "-" + sector + "-2027",
        Map.of("agbCode", agb, "sector", sector, "contractYear", 2027, "providerStatus", "EXISTING",
            "contractingMode", mode));
    driver.runDueJobs(round);
    return round;
  }

  private String agb(ProcessInstance round) {
    return round.getBusinessKey().substring(0, 8);
  }

  private long mails(ProcessInstance round, String template) {
    return jdbc.sql("SELECT COUNT(*) FROM zi_mail_outbox WHERE process_instance_id = :pi AND template = :template")
        .param("pi", round.getId()).param("template", template).query(Long.class).single();
  }

  // --- digital contracting -----------------------------------------------------------------------------------

  @Test
  void shouldContractWhenTheProposalIsSignedOnItsLastDay() {
    // Sent on 30 September, the last day "vóór 1 oktober": it lapses 6 weeks later, after 11 November.
    ProcessInstance round = startRound("PARAMEDISCHE_ZORG", "DIGITAL", "2026-09-30T10:00:00+02:00");
    assertThat(round).isWaitingAt("Task_AwaitSignatureDigital").hasPassed("Task_PublishProposal");
    assertThat(driver.variable(round, "vecozoProposalId")).isNotNull();
    assertThat(mails(round, "proposal-published")).isEqualTo(1);

    driver.moveTo(round, "2026-11-11T23:59:00+01:00");
    assertThat(mails(round, "reminder")).isEqualTo(1);
    driver.correlate(round, "ContractSigned", Map.of());

    assertThat(round).isEnded().hasPassed("Task_RecordContract", "Task_PublishInCareFinder", "EndEvent_Contracted");
    assertThat(driver.variable(round, "outcome")).isEqualTo("CONTRACTED");
    assertThat(contracts.find(agb(round), Sector.PARAMEDISCHE_ZORG, 2027)).get()
        .satisfies(c -> assertThat(c.contractForm()).isEqualTo(ContractForm.STANDAARD));
    assertThat(driver.variable(round, "careFinderReference")).isNotNull();
    assertThat(mails(round, "contract-signed")).isEqualTo(1);
  }

  @Test
  void shouldLetTheProposalLapseWhenSignedOneDayLate() {
    ProcessInstance round = startRound("PARAMEDISCHE_ZORG", "DIGITAL", "2026-09-30T10:00:00+02:00");

    driver.moveTo(round, "2026-11-12T09:00:00+01:00");

    assertThat(round).isEnded().hasPassed("BoundaryEvent_ProposalExpired", "Task_WithdrawProposal",
        "EndEvent_ProposalExpired");
    assertThat(driver.variable(round, "outcome")).isEqualTo("PROPOSAL_EXPIRED");
    assertThat(mails(round, "proposal-expired")).isEqualTo(1);
    assertThatThrownBy(() -> driver.correlate(round, "ContractSigned", Map.of()))
        .isInstanceOf(MismatchingMessageCorrelationException.class);
    assertThat(contracts.find(agb(round), Sector.PARAMEDISCHE_ZORG, 2027)).isEmpty();
  }

  @Test
  void shouldCloseTheProposalAtTheSigningDateEvenWithinSixWeeks() {
    // Sent late (16 October): 6 weeks would run to 27 November, but signing closes after 12 November.
    ProcessInstance round = startRound("HUISARTSENZORG", "DIGITAL", "2026-10-16T10:00:00+02:00");
    assertThat(driver.variable(round, "proposalExpiresAt"))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-13T00:00:00+01:00").toInstant()));

    driver.moveTo(round, "2026-11-13T00:00:00+01:00");

    assertThat(driver.variable(round, "outcome")).isEqualTo("PROPOSAL_EXPIRED");
  }

  @Test
  void shouldNotOfferAnythingToAnExistingProviderThatNoLongerMeetsTheConditions() {
    at("2026-06-01T10:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance round = runtimeService.startProcessInstanceByKey("contractingRound", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "providerStatus", "EXISTING",
            "contractingMode", "DIGITAL", "meetsConditions", false));
    driver.runDueJobs(round);

    assertThat(round).isEnded().hasPassed("Task_MailConditionsNotMet", "EndEvent_ConditionsNotMet")
        .hasNotPassed("Task_PublishProposal");
    assertThat(driver.variable(round, "outcome")).isEqualTo("NOT_ADMITTED");
    assertThat(mails(round, "decision")).isEqualTo(1);
  }

  @Test
  void shouldInvolveABranchOrganisationWhenADigitalRoundStallsAndStillLetThemSign() {
    ProcessInstance round = startRound("PARAMEDISCHE_ZORG", "DIGITAL", "2026-09-15T10:00:00+02:00");

    driver.correlate(round, "ProcessStalled", Map.of());
    assertThat(round).isWaitingAt("Task_AwaitSignatureDigital", "CallActivity_EscalationLadder");
    driver.complete(round, "Task_InvolveBranchOrganisation", Map.of("branchOrganisation", "KNGF",
        "branchOrganisationHasSendingRole", false, "resolved", false, "branchOrganisationNotes", "bemiddeld"));

    assertThat(driver.calledOutcome(round, "escalationLadder")).isEqualTo("BRANCH_ORGANISATION_INVOLVED");
    assertThat(round).isWaitingAt("Task_AwaitSignatureDigital").hasPassed("EndEvent_RoundResumed");
    driver.correlate(round, "ContractSigned", Map.of());
    assertThat(driver.variable(round, "outcome")).isEqualTo("CONTRACTED");
  }

  // --- face-to-face contracting ------------------------------------------------------------------------------

  /** Invitation in August; the partial offer and the benchmarking agreements in on time. */
  private ProcessInstance faceToFaceBeforeTheOffer(String sector) {
    ProcessInstance round = startRound(sector, "FACE_TO_FACE", "2026-08-03T10:00:00+02:00");
    assertThat(round).isWaitingAt("Task_AgreeBenchmarking", "Task_AwaitPartialOffer", "Task_AwaitOffer");
    assertThat(mails(round, "invitation")).isEqualTo(1);
    driver.moveTo(round, "2026-08-25T10:00:00+02:00");
    driver.correlate(round, "PartialOfferReceived", Map.of());
    driver.complete(round, "Task_AgreeBenchmarking", Map.of("benchmarkingMethod", "BENCHMARK"));
    assertThat(round).isWaitingAt("Task_AwaitOffer");
    return round;
  }

  @Test
  void shouldContractAfterAnOfferOnThirtySeptemberAndAnAgreement() {
    ProcessInstance round = faceToFaceBeforeTheOffer("KORTDURENDE_ZORG");

    driver.moveTo(round, "2026-09-30T23:30:00+02:00");
    driver.correlate(round, "OfferReceived", Map.of());

    assertThat(round).isWaitingAt("Task_ReviewOffer").hasNotPassed("Event_OfferLateStalled");
    // The insurer has 6 weeks from receipt (000_5b3b4acc3ecb3548.txt:554): through 11 November.
    assertThat(driver.task(round, "Task_ReviewOffer").getDueDate())
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-11-11T23:59:59.999+01:00").toInstant()));
    driver.complete(round, "Task_ReviewOffer", Map.of("offerAssessment", "Volledig"));
    driver.complete(round, "Task_Negotiate", Map.of("agreementReached", true, "contractForm", "MAATWERK",
        "revenueCeiling", 1_250_000.50));
    assertThat(round).isWaitingAt("Task_AwaitSignature");
    driver.moveTo(round, "2026-11-12T16:00:00+01:00");
    driver.correlate(round, "ContractSigned", Map.of());

    assertThat(round).isEnded().hasPassed("EndEvent_Contracted");
    assertThat(contracts.find(agb(round), Sector.KORTDURENDE_ZORG, 2027)).get().satisfies(c -> {
      assertThat(c.contractForm()).isEqualTo(ContractForm.MAATWERK);
      assertThat(c.revenueCeiling()).isEqualByComparingTo("1250000.50");
    });
  }

  @Test
  void shouldEscalateWhenTheOfferComesOnTheFirstOfOctoberAndContinueWhenItArrives() {
    ProcessInstance round = faceToFaceBeforeTheOffer("KORTDURENDE_ZORG");

    driver.moveTo(round, "2026-10-01T09:00:00+02:00");

    assertThat(round).isWaitingAt("Task_AwaitOffer", "CallActivity_EscalationLadder")
        .hasPassed("BoundaryEvent_OfferLate", "Event_OfferLateStalled");
    assertThat(driver.variable(round, "stalledReason")).isEqualTo("Offerte niet uiterlijk 30 september ontvangen");
    assertThat(deadlineStatus(round, "OFFER_DUE")).isEqualTo("OPEN");
    driver.correlate(round, "OfferReceived", Map.of());
    assertThat(deadlineStatus(round, "OFFER_DUE")).isEqualTo("MISSED");
    assertThat(round).isWaitingAt("Task_ReviewOffer", "CallActivity_EscalationLadder");

    driver.complete(round, "Task_JointReflection", Map.of("resolved", true, "reflectionNotes", "Offerte binnen"));
    assertThat(driver.calledOutcome(round, "escalationLadder")).isEqualTo("RESOLVED_BY_REFLECTION");
    assertThat(round).isWaitingAt("Task_ReviewOffer").hasPassed("EndEvent_RoundResumed");
  }

  @Test
  void shouldShowTheInsurerTermAsOverdueWhenItIsExceeded() {
    ProcessInstance round = faceToFaceBeforeTheOffer("HUISARTSENZORG");
    driver.moveTo(round, "2026-09-15T10:00:00+02:00");
    driver.correlate(round, "OfferReceived", Map.of());

    driver.moveTo(round, "2026-10-28T08:00:00+01:00");

    assertThat(round).isWaitingAt("Task_ReviewOffer");
    assertThat(deadlineStatus(round, "INSURER_RESPONSE_TERM")).isEqualTo("OPEN");
    assertThat(jdbc.sql("SELECT due_at FROM zi_deadline WHERE process_instance_id = :pi AND milestone = :m")
        .param("pi", round.getId()).param("m", "INSURER_RESPONSE_TERM").query(OffsetDateTime.class).single())
        .isBefore(OffsetDateTime.parse("2026-10-28T08:00:00+01:00"));
    driver.complete(round, "Task_ReviewOffer", Map.of("offerAssessment", "Laat bekeken"));
    assertThat(deadlineStatus(round, "INSURER_RESPONSE_TERM")).isEqualTo("MISSED");
  }

  @Test
  void shouldEndWithoutAgreementWhenNegotiationsFail() {
    ProcessInstance round = faceToFaceBeforeTheOffer("PARAMEDISCHE_ZORG");
    driver.correlate(round, "OfferReceived", Map.of());
    driver.complete(round, "Task_ReviewOffer", Map.of("offerAssessment", "Te duur"));

    driver.complete(round, "Task_Negotiate", Map.of("agreementReached", false,
        "negotiationNotes", "Tariefverschil te groot"));

    assertThat(round).isEnded().hasPassed("Task_MailNoAgreement", "EndEvent_NoAgreement");
    assertThat(driver.variable(round, "outcome")).isEqualTo("NO_AGREEMENT");
    assertThat(mails(round, "decision")).isEqualTo(1);
  }

  @Test
  void shouldResumeAfterAStallDuringTheOfferPhaseAndThenSign() {
    ProcessInstance round = faceToFaceBeforeTheOffer("KORTDURENDE_ZORG");

    driver.correlate(round, "ProcessStalled", Map.of());
    assertThat(round).isWaitingAt("Task_AwaitOffer", "CallActivity_EscalationLadder");
    driver.complete(round, "Task_JointReflection", Map.of("resolved", false, "reflectionNotes", "Stroef"));
    driver.complete(round, "Task_ExecutiveEscalation", Map.of("resolved", true, "executiveNotes", "Akkoord"));

    assertThat(driver.calledOutcome(round, "escalationLadder")).isEqualTo("RESOLVED_BY_EXECUTIVES");
    driver.correlate(round, "OfferReceived", Map.of());
    driver.complete(round, "Task_ReviewOffer", Map.of("offerAssessment", "Goed"));
    driver.complete(round, "Task_Negotiate", Map.of("agreementReached", true));
    driver.correlate(round, "ContractSigned", Map.of());
    assertThat(round).isEnded();
    assertThat(driver.variable(round, "outcome")).isEqualTo("CONTRACTED");
  }

  @Test
  void shouldEndWithoutAgreementWhenTheLadderDoesNotResolveAFaceToFaceRound() {
    ProcessInstance round = faceToFaceBeforeTheOffer("KORTDURENDE_ZORG");
    driver.correlate(round, "ProcessStalled", Map.of());
    driver.complete(round, "Task_JointReflection", Map.of("resolved", false, "reflectionNotes", "Stroef"));

    driver.complete(round, "Task_ExecutiveEscalation", Map.of("resolved", false, "executiveNotes", "Geen akkoord"));

    assertThat(driver.calledOutcome(round, "escalationLadder")).isEqualTo("REPORTED_TO_NZA");
    assertThat(round).isEnded().hasPassed("EndEvent_LadderUnresolved", "StartEvent_NoAgreement",
        "EndEvent_NoAgreementAfterLadder").hasNotPassed("EndEvent_Contracted");
    assertThat(driver.variable(round, "outcome")).isEqualTo("NO_AGREEMENT");
  }

  @Test
  void shouldStartOneLadderOnlyWhenSeveralDeadlinesPassTogether() {
    ProcessInstance round = startRound("KORTDURENDE_ZORG", "FACE_TO_FACE", "2026-08-03T10:00:00+02:00");

    driver.moveTo(round, "2026-10-01T09:00:00+02:00");

    assertThat(round).hasPassed("Event_PartialOfferLateStalled", "Event_OfferLateStalled", "EndEvent_AlreadyEscalated");
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(round.getId()).count()).isEqualTo(1);
    assertThat(mails(round, "reminder")).isEqualTo(2);
  }

  @Test
  void shouldNotEscalateAMissingPartialOfferWhenTheWholeOfferIsAlreadyIn() {
    ProcessInstance round = startRound("HUISARTSENZORG", "FACE_TO_FACE", "2026-08-03T10:00:00+02:00");
    driver.moveTo(round, "2026-08-20T10:00:00+02:00");
    driver.correlate(round, "OfferReceived", Map.of());

    driver.moveTo(round, "2026-09-02T10:00:00+02:00");

    assertThat(round).hasPassed("BoundaryEvent_PartialOfferLate", "Gateway_OfferAlreadyReceived")
        .hasNotPassed("Event_PartialOfferLateStalled").isWaitingAt("Task_AgreeBenchmarking");
  }

  @Test
  void shouldEscalateWhenTheContractIsNotSignedByTwelveNovember() {
    ProcessInstance round = faceToFaceBeforeTheOffer("PARAMEDISCHE_ZORG");
    driver.correlate(round, "OfferReceived", Map.of());
    driver.complete(round, "Task_ReviewOffer", Map.of("offerAssessment", "Goed"));
    driver.complete(round, "Task_Negotiate", Map.of("agreementReached", true));

    driver.moveTo(round, "2026-11-13T09:00:00+01:00");

    assertThat(round).isWaitingAt("Task_AwaitSignature", "CallActivity_EscalationLadder")
        .hasPassed("Event_SigningLateStalled");
  }

  @Test
  void shouldNegotiateStraightAwayWhereTheSectorAsksNoOffer() {
    // GGZ custom agreements start with conversations; the GGZ calendar has no OFFER_DUE (003_ac3f9d7d049546c3.txt:1055).
    ProcessInstance round = startRound("GGZ", "FACE_TO_FACE", "2026-10-01T10:00:00+02:00");

    assertThat(round).isWaitingAt("Task_Negotiate").hasNotPassed("Gateway_OfferPhaseSplit");
  }

  private String deadlineStatus(ProcessInstance round, String milestone) {
    return jdbc.sql("SELECT status FROM zi_deadline WHERE process_instance_id = :pi AND milestone = :m")
        .param("pi", round.getId()).param("m", milestone).query(String.class).single();
  }
}
