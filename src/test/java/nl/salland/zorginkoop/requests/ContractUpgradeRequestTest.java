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
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * contractUpgradeRequest (002_d8da34609ae20a88.txt:487, 002_d8da34609ae20a88.txt:531): a practice with contract B
 * reports before 1 September 2027 (CONTRACT_A_SWITCH_NOTICE, last day 31 August) that it meets the conditions of A;
 * physiotherapyContractType / speechTherapyContractType decide; A runs from CONTRACT_A_START (1 January 2028) to the
 * end of the term, in the register.
 */
@ZorginkoopTest
class ContractUpgradeRequestTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  RequestCases cases;

  private final String agb = TestAgbCodes.next();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance request(String contractType, String discipline, String requestDate) {
    cases.provider(agb, "Fysiotherapie De Brink");
    if (contractType != null) {
      cases.contract(agb, Sector.PARAMEDISCHE_ZORG, 2027, contractType, null, "2027-01-01", "2028-12-31");
    }
    at(requestDate + "T14:00:00+02:00");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("contractUpgradeRequest",
        agb + "-PARAMEDISCHE_ZORG-2027", Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027,
            "requestDate", requestDate, "discipline", discipline));
    driver.runDueJobs(pi);
    return pi;
  }

  private static Map<String, Object> physiotherapyConditions(int cooperationDisciplines) {
    return new HashMap<>(Map.of("meetsBaseRequirements", true, "cooperationDisciplines", cooperationDisciplines,
        "specialisedTherapistPercentage", 60, "distinctSpecialisations", 2, "eveningWeekendDayparts", 2,
        "qualityCertificate", "HKZ", "conditionsEvidence", "Samenwerkingsafspraak met huisartsen; HKZ-certificaat"));
  }

  @Test
  void shouldRecordContractAFromJanuaryForTheRestOfTheTermWhenThePracticeMeetsTheConditions() {
    ProcessInstance pi = request("B", "PHYSIOTHERAPY", "2027-08-31");

    assertThat(driver.variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
    assertThat(pi).isWaitingAt("Task_CheckConditions").task().hasCandidateGroup("inkoop-paramedische-zorg")
        .hasDueDate(moment("2028-01-01T00:00:00+01:00"));
    assertThat(driver.task(pi, "Task_CheckConditions").getFollowUpDate())
        .isEqualTo(moment("2027-12-25T00:00:00+01:00"));

    driver.complete(pi, "Task_CheckConditions", physiotherapyConditions(1));

    assertThat(pi).isEnded().hasPassed("Task_DeterminePhysiotherapyType", "Task_RecordUpgrade", "EndEvent_UpgradedToA");
    assertThat(driver.variable(pi, "assessedContractType")).isEqualTo("A");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("UPGRADED_TO_A");
    var contractB = cases.contractOf(agb, Sector.PARAMEDISCHE_ZORG, 2027);
    assertThat(contractB.contractType()).isEqualTo("B");
    assertThat(contractB.endDate()).isEqualTo(LocalDate.of(2027, 12, 31));
    var contractA = cases.contractOf(agb, Sector.PARAMEDISCHE_ZORG, 2028);
    assertThat(contractA.contractType()).isEqualTo("A");
    assertThat(contractA.startDate()).isEqualTo(LocalDate.of(2028, 1, 1));
    assertThat(contractA.endDate()).isEqualTo(LocalDate.of(2028, 12, 31));
    assertThat(cases.mail(pi, "Task_MailUpgraded").body()).contains("met ingang van 1 januari 2028")
        .contains("tot en met 31 december 2028");
  }

  @Test
  void shouldUpgradeASpeechTherapyPracticeWithAQualityCertificate() {
    ProcessInstance pi = request("B", "SPEECH_THERAPY", "2027-03-15");

    driver.complete(pi, "Task_CheckConditions", Map.of("meetsBaseRequirements", true, "hasQualityCertificate", true,
        "conditionsEvidence", "Certificaat Kwaliteitscyclus tot 2029"));

    assertThat(pi).isEnded().hasPassed("Task_DetermineSpeechTherapyType", "EndEvent_UpgradedToA");
    assertThat(cases.contractOf(agb, Sector.PARAMEDISCHE_ZORG, 2028).contractType()).isEqualTo("A");
  }

  @Test
  void shouldKeepContractBWhenTheConditionsOfAAreNotMet() {
    ProcessInstance pi = request("B", "PHYSIOTHERAPY", "2027-05-01");

    driver.complete(pi, "Task_CheckConditions", physiotherapyConditions(0));

    assertThat(pi).isEnded().hasPassed("Task_MailConditionsNotMet", "EndEvent_ConditionsNotMet");
    assertThat(driver.variable(pi, "assessedContractType")).isEqualTo("B");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("CONDITIONS_NOT_MET");
    assertThat(cases.contractOf(agb, Sector.PARAMEDISCHE_ZORG, 2027).endDate()).isEqualTo(LocalDate.of(2028, 12, 31));
    assertThat(cases.hasContract(agb, Sector.PARAMEDISCHE_ZORG, 2028)).isFalse();
    assertThat(cases.mail(pi, "Task_MailConditionsNotMet").body()).contains("niet aan alle voorwaarden van overeenkomst A");
  }

  @Test
  void shouldKeepContractBWhenThePracticeNoLongerMeetsTheBaseRequirements() {
    ProcessInstance pi = request("B", "SPEECH_THERAPY", "2027-05-01");

    driver.complete(pi, "Task_CheckConditions", Map.of("meetsBaseRequirements", false, "hasQualityCertificate", true,
        "conditionsEvidence", "BIG-registratie verlopen"));

    assertThat(pi).isEnded().hasPassed("EndEvent_ConditionsNotMet");
    assertThat(driver.variable(pi, "assessedContractType")).isEqualTo("NONE");
    assertThat(cases.mail(pi, "Task_MailConditionsNotMet").body()).contains("basiseisen");
  }

  @Test
  void shouldNotTakeANoticeFromTheFirstOfSeptember() {
    ProcessInstance pi = request("B", "PHYSIOTHERAPY", "2027-09-01");

    assertThat(pi).isEnded().hasPassed("Task_MailNotAdmissible", "EndEvent_NotAdmissible");
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("TOO_LATE");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("NOT_ADMISSIBLE");
    assertThat(cases.mail(pi, "Task_MailNotAdmissible").body()).contains("U houdt overeenkomst B");
    assertThat(cases.hasContract(agb, Sector.PARAMEDISCHE_ZORG, 2028)).isFalse();
  }

  @Test
  void shouldNotTakeANoticeFromAPracticeWithoutContractB() {
    ProcessInstance alreadyA = request("A", "PHYSIOTHERAPY", "2027-04-01");
    assertThat(alreadyA).isEnded().hasPassed("EndEvent_NotAdmissible");
    assertThat(driver.variable(alreadyA, "admissibility")).isEqualTo("NOT_CONTRACT_B");

    String unknown = TestAgbCodes.next();
    ProcessInstance noContract = runtimeService.startProcessInstanceByKey("contractUpgradeRequest", Map.of(
        "agbCode", unknown, "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027, "requestDate", "2027-04-01",
        "discipline", "SPEECH_THERAPY"));
    driver.runDueJobs(noContract);
    assertThat(noContract).isEnded().hasPassed("EndEvent_NotAdmissible");
    assertThat(driver.variable(noContract, "contractRegistered")).isEqualTo(false);
    assertThat(driver.variable(noContract, "admissibility")).isEqualTo("NOT_CONTRACT_B");
  }

  @Test
  void shouldRefuseADisciplineWithoutContractsAAndBAndMissingConditions() {
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("contractUpgradeRequest", Map.of(
        "agbCode", agb, "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027, "requestDate", "2027-04-01",
        "discipline", "DIETETICS")))
        .hasMessageContaining("discipline onbekend");

    ProcessInstance pi = request("B", "PHYSIOTHERAPY", "2027-04-01");
    Map<String, Object> incomplete = physiotherapyConditions(1);
    incomplete.remove("qualityCertificate");
    incomplete.remove("eveningWeekendDayparts");
    assertThatThrownBy(() -> taskService.complete(driver.task(pi, "Task_CheckConditions").getId(), incomplete))
        .hasMessageContaining("eveningWeekendDayparts is verplicht");
    assertThat(pi).isWaitingAt("Task_CheckConditions");
  }
}
