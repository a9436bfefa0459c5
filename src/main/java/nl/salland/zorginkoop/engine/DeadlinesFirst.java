package nl.salland.zorginkoop.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobPriorityProvider;
import org.camunda.bpm.engine.impl.jobexecutor.JobDeclaration;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * In a deadline storm (thousands of timers due at the same minute, docs/performance.md) the job executor takes the
 * due timers before the jobs they cause (the reminder mail, the withdrawal in VECOZO): every case has passed its
 * deadline, and the dashboard says so, before the first follow-up runs. The total work stays the same.
 *
 * <p>Timers get priority {@code zorginkoop.jobs.timer-priority}, every other job Camunda's default (0), and the job
 * executor acquires by priority. A priority a process owner sets in the Modeler (Job execution: Priority, on the
 * activity or the process) still wins.
 */
@Component
public class DeadlinesFirst extends AbstractProcessEnginePlugin {

  private final long timerPriority;

  public DeadlinesFirst(@Value("${zorginkoop.jobs.timer-priority}") long timerPriority) {
    this.timerPriority = timerPriority;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByPriority(true);
    configuration.setProducePrioritizedJobs(true);
    configuration.setJobPriorityProvider(new DefaultJobPriorityProvider() {
      @Override
      protected Long getProcessDefinitionPriority(ExecutionEntity execution, JobDeclaration<?, ?> declaration) {
        Long modelled = super.getProcessDefinitionPriority(execution, declaration);
        if (modelled == null && declaration instanceof TimerDeclarationImpl) {
          return timerPriority;
        }
        return modelled;
      }
    });
  }
}
