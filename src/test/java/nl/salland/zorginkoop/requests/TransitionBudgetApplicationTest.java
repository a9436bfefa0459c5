package nl.salland.zorginkoop.requests;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static nl.salland.zorginkoop.requests.RequestCases.moment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * transitionBudgetApplication (004_fbae119c7f6fc4e4.txt:585-625): one of the five themes, received at the latest on
 * TRANSITION_BUDGET_APPLICATION_DUE (31 December 2026), a decision aimed within TRANSITION_BUDGET_DECISION_TERM
 * (6 weeks), grants taken from the earmarked regiobudget (transitionBudgetTotal, € 400.000) that never goes below
 * zero, also when two grants ask for the last of it at the same moment.
 *
 * <p>Every test sets the 2027 pot to the state it needs ({@link RequestCases#transitionBudget}), so none depends on
 * what earlier tests took from it.
 */
@ZorginkoopTest
class TransitionBudgetApplicationTest {

  private static final int YEAR = 2027;

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ProcessDriver driver;
  @Autowired
  RequestCases cases;

  @BeforeEach
  void freshPot() {
    cases.transitionBudget(YEAR, "400000", "400000");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ProcessInstance apply(String applicationDate, String theme, double requestedAmount) {
    String agb = TestAgbCodes.next();
    cases.provider(agb, "Zorggroep Midden-IJssel " + agb);
    at(applicationDate + "T16:00:00+01:00");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("transitionBudgetApplication", agb + "-WLZ_GZ-2027",
        Map.of("agbCode", agb, "sector", "WLZ_GZ", "contractYear", YEAR, "applicationDate", applicationDate,
            "requestedAmount", requestedAmount, "transitionTheme", theme));
    driver.runDueJobs(pi);
    return pi;
  }

  private static Map<String, Object> assessment(boolean approved, Double grantedAmount) {
    Map<String, Object> answers = new HashMap<>(Map.of("approved", approved,
        "decisionReason", approved ? "Past binnen de regionale agenda" : "Geen gezamenlijke regionale inspanning",
        "jointRegionalEffort", approved,
        "contributionLongerAtHome", "INDIRECT", "contributionNewWaysOfWorking", "NONE",
        "contributionLabourMarket", "INDIRECT", "contributionDigitalInfrastructure", "DIRECT",
        "contributionEcologicalSustainability", "NONE"));
    if (grantedAmount != null) {
      answers.put("grantedAmount", grantedAmount);
    }
    return answers;
  }

  @Test
  void shouldGrantFromTheEarmarkedBudgetAnApplicationReceivedOnTheLastDay() {
    ProcessInstance pi = apply("2026-12-31", "DIGITAL_INFRASTRUCTURE", 80000.0);

    assertThat(pi).isWaitingAt("Task_AssessApplication").task().hasCandidateGroup("inkoop-wlz")
        .hasDueDate(moment("2027-02-11T23:59:59.999+01:00"));
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("ADMISSIBLE");
    assertThat(driver.variable(pi, "themeLabel")).isEqualTo("Digitale infrastructuur");
    assertThat(driver.variable(pi, "themePriority")).isEqualTo("HIGHEST");
    assertThat(driver.variable(pi, "transitionBudgetTotal")).isEqualTo(400000.0);
    assertThat(driver.variable(pi, "transitionBudgetRemaining")).isEqualTo(400000.0);

    driver.complete(pi, "Task_AssessApplication", assessment(true, 75000.0));

    assertThat(pi).isEnded().hasPassed("Task_ReserveBudget", "Task_MailGranted", "EndEvent_Granted");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("GRANTED");
    assertThat(cases.transitionBudgetLeft(YEAR)).isEqualByComparingTo("325000");
    assertThat(cases.transitionGrant(pi)).hasValueSatisfying(amount -> assertThat(amount).isEqualByComparingTo("75000"));
    assertThat(cases.mail(pi, "Task_MailGranted").body()).contains("€ 75.000,00").contains("Digitale infrastructuur")
        .contains("addendum");
    assertThat(driver.variable(pi, "contributionDigitalInfrastructure")).isEqualTo("DIRECT");
  }

  @Test
  void shouldNotTakeAnApplicationReceivedAfter31December() {
    ProcessInstance pi = apply("2027-01-01", "LONGER_AT_HOME", 10000.0);

    assertThat(pi).isEnded().hasPassed("Task_MailNotAdmissible", "EndEvent_NotAdmissible");
    assertThat(driver.variable(pi, "admissibility")).isEqualTo("TOO_LATE");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("NOT_ADMISSIBLE");
    assertThat(cases.transitionBudgetLeft(YEAR)).isEqualByComparingTo("400000");
  }

  @Test
  void shouldRejectWithoutTouchingTheBudget() {
    ProcessInstance pi = apply("2026-11-02", "ECOLOGICAL_SUSTAINABILITY", 20000.0);
    assertThat(driver.variable(pi, "themePriority")).isEqualTo("REGULAR");

    driver.complete(pi, "Task_AssessApplication", assessment(false, null));

    assertThat(pi).isEnded().hasPassed("Task_MailRejected", "EndEvent_Rejected");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("REJECTED");
    assertThat(cases.transitionBudgetLeft(YEAR)).isEqualByComparingTo("400000");
    assertThat(cases.transitionGrant(pi)).isEmpty();
    assertThat(cases.mail(pi, "Task_MailRejected").body()).contains("Geen gezamenlijke regionale inspanning");
  }

  @Test
  void shouldTellTheProviderWhenTheBudgetLeftIsTooSmall() {
    ProcessInstance pi = apply("2026-10-15", "LABOUR_MARKET", 60000.0);
    cases.transitionBudget(YEAR, "400000", "50000");

    driver.complete(pi, "Task_AssessApplication", assessment(true, 60000.0));

    assertThat(pi).isEnded().hasPassed("Task_MailBudgetExhausted", "EndEvent_BudgetExhausted");
    assertThat(driver.variable(pi, "outcome")).isEqualTo("BUDGET_EXHAUSTED");
    assertThat(driver.variable(pi, "budgetReserved")).isEqualTo(false);
    assertThat(cases.transitionBudgetLeft(YEAR)).isEqualByComparingTo("50000");
    assertThat(cases.transitionGrant(pi)).isEmpty();
    assertThat(cases.mail(pi, "Task_MailBudgetExhausted").body()).contains("€ 60.000,00").contains("€ 50.000,00");
  }

  @Test
  void shouldRefuseAGrantAboveTheRequestedAmountOrWithoutAnAmount() {
    ProcessInstance pi = apply("2026-10-15", "NEW_WAYS_OF_WORKING", 30000.0);
    String task = driver.task(pi, "Task_AssessApplication").getId();

    assertThatThrownBy(() -> taskService.complete(task, assessment(true, 30000.01)))
        .hasMessageContaining("grantedAmount: must not be more than the requested 30000.0");
    assertThatThrownBy(() -> taskService.complete(task, assessment(true, null)))
        .hasMessageContaining("grantedAmount: is required when the application is approved");
    Map<String, Object> withoutThemes = assessment(true, 10000.0);
    withoutThemes.remove("contributionEcologicalSustainability");
    assertThatThrownBy(() -> taskService.complete(task, withoutThemes))
        .hasMessageContaining("contributionEcologicalSustainability: is required");

    assertThat(pi).isWaitingAt("Task_AssessApplication");
    assertThat(cases.transitionBudgetLeft(YEAR)).isEqualByComparingTo("400000");
  }

  @Test
  void shouldRefuseAnUnknownTheme() {
    String agb = TestAgbCodes.next();
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("transitionBudgetApplication", Map.of(
        "agbCode", agb, "sector", "WLZ_GZ", "contractYear", YEAR, "applicationDate", "2026-10-01",
        "requestedAmount", 1000.0, "transitionTheme", "ROBOTICS")))
        .hasMessageContaining("transitionTheme onbekend");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(agb + "%").count()).isZero();
  }

  /**
   * Two assessors approve two applications for the last € 30.000 of the budget at the same moment: each completion
   * runs the conditional UPDATE in its own engine transaction. Exactly one is granted, the other ends as
   * BUDGET_EXHAUSTED; the pot ends at zero, and only the winner has a grant.
   */
  @Test
  void shouldGrantTheLastOfTheBudgetToExactlyOneOfTwoSimultaneousApprovals() throws Exception {
    ProcessInstance first = apply("2026-11-20", "LONGER_AT_HOME", 30000.0);
    ProcessInstance second = apply("2026-11-21", "DIGITAL_INFRASTRUCTURE", 30000.0);
    cases.transitionBudget(YEAR, "400000", "30000");
    List<String> tasks = List.of(driver.task(first, "Task_AssessApplication").getId(),
        driver.task(second, "Task_AssessApplication").getId());

    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService assessors = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> completions = new ArrayList<>();
      for (String task : tasks) {
        completions.add(assessors.submit(() -> {
          ready.countDown();
          go.await();
          taskService.complete(task, assessment(true, 30000.0));
          return null;
        }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      for (Future<?> completion : completions) {
        completion.get(60, TimeUnit.SECONDS);
      }
    } finally {
      assessors.shutdownNow();
    }
    driver.runDueJobs(first);
    driver.runDueJobs(second);

    List<Object> outcomes = List.of(driver.variable(first, "outcome"), driver.variable(second, "outcome"));
    assertThat(outcomes).containsExactlyInAnyOrder("GRANTED", "BUDGET_EXHAUSTED");
    ProcessInstance winner = "GRANTED".equals(outcomes.get(0)) ? first : second;
    ProcessInstance loser = winner == first ? second : first;
    assertThat(winner).isEnded().hasPassed("EndEvent_Granted");
    assertThat(loser).isEnded().hasPassed("Task_MailBudgetExhausted", "EndEvent_BudgetExhausted");
    assertThat(cases.transitionBudgetLeft(YEAR)).isEqualByComparingTo("0");
    assertThat(cases.transitionGrant(winner)).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("30000"));
    assertThat(cases.transitionGrant(loser)).isEmpty();
    assertThat(driver.variable(loser, "transitionBudgetRemaining")).isEqualTo(0.0);
  }
}
