package nl.salland.zorginkoop.engine;

import java.util.Optional;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The Spring Boot starter's job executor, with the same {@code camunda.bpm.job-execution} settings, that stops
 * asking the database for more jobs while its queue is full.
 *
 * <p>Camunda's acquisition pauses only when the queue refused <em>every</em> job it offered. In a deadline storm the
 * queue is full and takes one or two jobs per round, so the acquisition thread asked again at once, a few jobs at a
 * time: about one acquisition (a query, a lock per job and a commit) for every two jobs executed, a third of the
 * storm's commits (docs/performance.md, "Job acquisition while the queue is full"). Here it also waits
 * {@code zorginkoop.job-execution.full-queue-wait} (application.yaml: 100 ms, Camunda's own pause for a queue that
 * took nothing) when the queue refused <em>some</em> of the jobs: the refused ones stay locked for this node and are
 * offered again after the pause, together with as many new ones as fit. A full queue (60 jobs for four threads in
 * application.yaml) is more work than the threads do in that time, so they do not wait for the acquisition. 0 gives
 * Camunda's behaviour. When the queue has room nothing changes: a job due now is taken at once.
 */
@Configuration
public class PacedJobAcquisition {

  @Bean
  @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  public static JobExecutor jobExecutor(
      @Qualifier(JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor taskExecutor,
      CamundaBpmProperties properties,
      @Value("${zorginkoop.job-execution.full-queue-wait}") long fullQueueWaitMillis) {
    PacedJobExecutor executor = new PacedJobExecutor(fullQueueWaitMillis);
    executor.setTaskExecutor(taskExecutor);
    executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
    // The starter's settings, set the way the starter sets them (DefaultJobConfiguration.JobConfiguration).
    JobExecutionProperty settings = properties.getJobExecution();
    Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(executor::setLockTimeInMillis);
    Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(executor::setMaxJobsPerAcquisition);
    Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(executor::setWaitTimeInMillis);
    Optional.ofNullable(settings.getMaxWait()).ifPresent(executor::setMaxWait);
    Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(executor::setBackoffTimeInMillis);
    Optional.ofNullable(settings.getMaxBackoff()).ifPresent(executor::setMaxBackoff);
    Optional.ofNullable(settings.getBackoffDecreaseThreshold()).ifPresent(executor::setBackoffDecreaseThreshold);
    Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(executor::setWaitIncreaseFactor);
    return executor;
  }

  static class PacedJobExecutor extends SpringJobExecutor {

    private final long fullQueueWaitMillis;

    PacedJobExecutor(long fullQueueWaitMillis) {
      this.fullQueueWaitMillis = fullQueueWaitMillis;
    }

    @Override
    protected void ensureInitialization() {
      super.ensureInitialization();
      acquireJobsRunnable = new PacedAcquisition(this, fullQueueWaitMillis);
    }
  }

  /** Camunda's acquisition thread with the strategy below. */
  static class PacedAcquisition extends SequentialJobAcquisitionRunnable {

    private final long fullQueueWaitMillis;

    PacedAcquisition(JobExecutor jobExecutor, long fullQueueWaitMillis) {
      super(jobExecutor);
      this.fullQueueWaitMillis = fullQueueWaitMillis;
    }

    @Override
    protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
      return new WaitWhileQueueFull(jobExecutor, fullQueueWaitMillis);
    }
  }

  /** Camunda's backoff strategy, plus a pause after a round in which the queue refused some of the jobs. */
  static class WaitWhileQueueFull extends BackoffJobAcquisitionStrategy {

    private final long fullQueueWaitMillis;
    private boolean queueFull;

    WaitWhileQueueFull(JobExecutor jobExecutor, long fullQueueWaitMillis) {
      super(jobExecutor);
      this.fullQueueWaitMillis = fullQueueWaitMillis;
    }

    @Override
    public void reconfigure(JobAcquisitionContext context) {
      super.reconfigure(context);
      queueFull = context.getRejectedJobsByEngine().values().stream().anyMatch(batches -> !batches.isEmpty());
    }

    @Override
    public long getWaitTime() {
      long wait = super.getWaitTime();
      return wait == 0 && queueFull ? fullQueueWaitMillis : wait;
    }
  }
}
