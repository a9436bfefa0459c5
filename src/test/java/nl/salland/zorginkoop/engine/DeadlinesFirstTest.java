package nl.salland.zorginkoop.engine;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Timers are taken before the jobs they cause: a higher priority, and a job executor that acquires by priority. */
@ZorginkoopTest
class DeadlinesFirstTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  ProcessDriver driver;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void timersHaveTheTimerPriorityAndOtherJobsTheDefault() {
    at("2026-07-01T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance round = runtime.startProcessInstanceByKey("contractingRound", agb + "-PARAMEDISCHE_ZORG-2027",
        Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027, "providerStatus", "EXISTING",
            "contractingMode", "DIGITAL"));

    Job start = management.createJobQuery().processInstanceId(round.getId()).singleResult();
    assertThat(start.getPriority()).as("the asynchronous start").isZero();

    driver.runDueJobs(round);
    assertThat(management.createJobQuery().processInstanceId(round.getId()).timers().list())
        .as("the signature reminder and the proposal's expiry").hasSize(2)
        .allSatisfy(timer -> assertThat(timer.getPriority()).isEqualTo(10));
  }

  @Test
  void theJobExecutorAcquiresByPriority() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();

    assertThat(configuration.isJobExecutorAcquireByPriority()).isTrue();
    assertThat(configuration.isProducePrioritizedJobs()).isTrue();
  }
}
