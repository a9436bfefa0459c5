package nl.salland.zorginkoop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import nl.salland.zorginkoop.engine.PacedJobAcquisition.PacedAcquisition;
import nl.salland.zorginkoop.engine.PacedJobAcquisition.PacedJobExecutor;
import nl.salland.zorginkoop.engine.PacedJobAcquisition.WaitWhileQueueFull;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** One acquisition round at a time, as Camunda's acquisition thread reports it to the strategy. */
class PacedJobAcquisitionTest {

  static final String ENGINE = "default";

  @Test
  void theStartersSettingsApply() {
    CamundaBpmProperties properties = new CamundaBpmProperties();
    properties.getJobExecution().setMaxJobsPerAcquisition(30);
    properties.getJobExecution().setLockTimeInMillis(15_000);
    properties.getJobExecution().setWaitTimeInMillis(1_000);
    properties.getJobExecution().setMaxWait(10_000L);
    ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();

    JobExecutor executor = PacedJobAcquisition.jobExecutor(threads, properties, 100);

    assertThat(executor).isInstanceOf(PacedJobExecutor.class);
    assertThat(executor.getMaxJobsPerAcquisition()).isEqualTo(30);
    assertThat(executor.getLockTimeInMillis()).isEqualTo(15_000);
    assertThat(executor.getWaitTimeInMillis()).isEqualTo(1_000);
    assertThat(executor.getMaxWait()).isEqualTo(10_000);
    assertThat(executor.getRejectedJobsHandler()).isInstanceOf(NotifyAcquisitionRejectedJobsHandler.class);
  }

  @Test
  void itsAcquisitionThreadWaitsWhileTheQueueIsFull() {
    PacedJobExecutor executor = new PacedJobExecutor(100);

    executor.ensureInitialization();

    assertThat(executor.getAcquireJobsRunnable()).isInstanceOf(PacedAcquisition.class);
    assertThat(((PacedAcquisition) executor.getAcquireJobsRunnable()).initializeAcquisitionStrategy())
        .isInstanceOf(WaitWhileQueueFull.class);
  }

  @Test
  void whenTheQueueTookEveryJobItAsksAgainAtOnceForAFullAcquisition() {
    WaitWhileQueueFull strategy = strategy(100);

    strategy.reconfigure(round(30, 30, 0));

    assertThat(strategy.getWaitTime()).isZero();
    assertThat(strategy.getNumJobsToAcquire(ENGINE)).isEqualTo(30);
  }

  @Test
  void whenTheQueueRefusedSomeJobsItWaitsBeforeAskingForMore() {
    WaitWhileQueueFull strategy = strategy(100);

    strategy.reconfigure(round(30, 30, 28));

    assertThat(strategy.getWaitTime()).isEqualTo(100);
    assertThat(strategy.getNumJobsToAcquire(ENGINE)).as("the refused ones are offered again first").isEqualTo(2);
  }

  @Test
  void withoutAPauseForAFullQueueItBehavesAsCamundasAcquisition() {
    WaitWhileQueueFull strategy = strategy(0);

    strategy.reconfigure(round(30, 30, 28));

    assertThat(strategy.getWaitTime()).isZero();
  }

  @Test
  void whenTheQueueRefusedEveryJobItWaitsAsCamundaDoes() {
    WaitWhileQueueFull strategy = strategy(250);

    strategy.reconfigure(round(30, 30, 30));

    assertThat(strategy.getWaitTime()).as("Camunda's pause for a queue that took nothing").isEqualTo(100);
  }

  @Test
  void whenNoJobIsDueItWaitsItsIdleTimeAsCamundaDoes() {
    WaitWhileQueueFull strategy = strategy(100);

    strategy.reconfigure(round(30, 0, 0));

    assertThat(strategy.getWaitTime()).isEqualTo(1_000);
  }

  private static WaitWhileQueueFull strategy(long fullQueueWaitMillis) {
    PacedJobExecutor executor = new PacedJobExecutor(fullQueueWaitMillis);
    executor.setMaxJobsPerAcquisition(30);
    executor.setWaitTimeInMillis(1_000);
    executor.setMaxWait(10_000);
    return new WaitWhileQueueFull(executor, fullQueueWaitMillis);
  }

  /** A round that asked for {@code asked} jobs, found {@code found} (one per case) and had {@code refused} refused. */
  private static JobAcquisitionContext round(int asked, int found, int refused) {
    JobAcquisitionContext context = new JobAcquisitionContext();
    AcquiredJobs acquired = new AcquiredJobs(asked);
    IntStream.range(0, found).forEach(i -> acquired.addJobIdBatch("job-" + i));
    context.submitAcquiredJobs(ENGINE, acquired);
    IntStream.range(0, refused).forEach(i -> context.submitRejectedBatch(ENGINE, List.of("job-" + i)));
    return context;
  }
}
