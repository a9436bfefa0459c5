package nl.salland.zorginkoop.contracting;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.contract.Contract;
import nl.salland.zorginkoop.contract.ContractForm;
import nl.salland.zorginkoop.contract.ContractRegister;
import nl.salland.zorginkoop.newprovider.NewProviderApplications;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * contractingRound with providerStatus NEW: the round calls newProviderReview and reads back its outcome and the
 * contract it offers (contractForm, contractType, contractStartDate, contractEndDate); a provider that is too late
 * or rejected is not admitted to the round.
 */
@ZorginkoopTest
class ContractingRoundNewProviderTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  ProcessDriver driver;
  @Autowired
  ContractRegister contracts;

  private String agb;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance startRound(String sector, String applicationDate, Map<String, Object> changes) {
    at(applicationDate);
    agb = TestAgbCodes.next();
    Map<String, Object> variables = new HashMap<>(NewProviderApplications.reviewInputs(sector));
    variables.putAll(Map.of("agbCode", agb, "sector", sector, "contractYear", 2027, "providerStatus", "NEW",
        "contractingMode", "DIGITAL", "applicationDate", applicationDate));
    variables.putAll(changes);
    ProcessInstance round = runtime.startProcessInstanceByKey("contractingRound", agb + "-" + sector + "-2027",
        variables);
    driver.runDueJobs(round);
    return round;
  }

  @Test
  void shouldContinueTheRoundWithTheContractTheReviewOffered() {
    ProcessInstance round = startRound("PARAMEDISCHE_ZORG", "2026-05-11T09:00:00+02:00", Map.of());
    assertThat(round).isWaitingAt("CallActivity_NewProviderReview");

    at("2026-09-14T10:00:00+02:00");
    driver.complete(round, "Task_AssessParamedicalCare", Map.of("approved", true, "assessmentMotivation",
        "Voldoet aan de basiseisen en de voorwaarden voor overeenkomst A"));

    assertThat(driver.calledOutcome(round, "newProviderReview")).isEqualTo("CONTRACT_OFFERED");
    assertThat(round).isWaitingAt("Task_AwaitSignatureDigital")
        .hasPassed("CallActivity_NewProviderReview", "Gateway_ContractOffered", "Task_PublishProposal");
    assertThat(runtime.getVariables(round.getId())).containsEntry("reviewOutcome", "CONTRACT_OFFERED")
        .containsEntry("contractForm", "STANDAARD").containsEntry("contractType", "A")
        .containsEntry("contractStartDate", "2027-01-01").containsEntry("contractEndDate", "2028-12-31");

    at("2026-10-20T10:00:00+02:00");
    driver.correlate(round, "ContractSigned", Map.of("signedAt", "2026-10-20T10:00:00+02:00"));

    assertThat(round).isEnded().hasPassed("Task_RecordContract", "EndEvent_Contracted");
    assertThat(driver.variable(round, "outcome")).isEqualTo("CONTRACTED");
    Contract recorded = contracts.find(agb, Sector.PARAMEDISCHE_ZORG, 2027).orElseThrow();
    assertThat(recorded.contractForm()).isEqualTo(ContractForm.STANDAARD);
    assertThat(recorded.contractType()).isEqualTo("A");
    assertThat(recorded.startDate()).isEqualTo(LocalDate.of(2027, 1, 1));
    // Two calendar years, through 31 December 2028 (002_d8da34609ae20a88.txt:419, :545).
    assertThat(recorded.endDate()).isEqualTo(LocalDate.of(2028, 12, 31));
  }

  @Test
  void shouldNotAdmitAProviderThatAppliedTooLate() {
    // Kortdurende zorg: "tot uiterlijk 1 juni 2026 ... Na deze datum nemen we uw verzoek niet meer in behandeling"
    // (000_5b3b4acc3ecb3548.txt:482).
    ProcessInstance round = startRound("KORTDURENDE_ZORG", "2026-06-02T08:00:00+02:00", Map.of());

    assertThat(driver.calledOutcome(round, "newProviderReview")).isEqualTo("TOO_LATE");
    assertThat(round).isEnded().hasPassed("Gateway_ContractOffered", "EndEvent_NotAdmitted")
        .hasNotPassed("Task_PublishProposal");
    assertThat(driver.variable(round, "outcome")).isEqualTo("NOT_ADMITTED");
    assertThat(driver.variable(round, "reviewOutcome")).isEqualTo("TOO_LATE");
  }

  @Test
  void shouldNotAdmitAProviderTheReviewRejects() {
    ProcessInstance round = startRound("GGZ", "2026-05-20T14:00:00+02:00", Map.of());

    driver.complete(round, "Task_AssessGgz", Map.of("approved", false,
        "rejectionGrounds", SpinValues.jsonValue("[\"" + NewProviderApplications.GROUND_DIAGNOSTICS + "\"]").create(),
        "positiveFactorsAssessment", "Geen", "purchasedVolumeAssessment", "Ruim ingekocht",
        "assessmentMotivation", "Alleen diagnostiek"));

    assertThat(driver.calledOutcome(round, "newProviderReview")).isEqualTo("REJECTED");
    assertThat(round).isEnded().hasPassed("EndEvent_NotAdmitted");
    assertThat(driver.variable(round, "outcome")).isEqualTo("NOT_ADMITTED");
    assertThat(driver.variable(round, "contractForm")).isNull();
  }
}
