package nl.salland.zorginkoop.process;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Drives a case in a test as the job executor and the people would, but deterministically: moves the engine clock
 * to a real moment, runs the jobs of that case (and of its called processes) that are due, completes tasks. Only
 * the case's own jobs run, so tests sharing one database never touch each other's cases.
 */
@Component
public class ProcessDriver {

  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final HistoryService historyService;

  public ProcessDriver(RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
      HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.historyService = historyService;
  }

  /** Sets the engine clock, e.g. {@code at("2026-09-30T23:59:00+02:00")}. */
  public static void at(String isoDateTime) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoDateTime).toInstant()));
  }

  /**
   * Lets time pass until the given moment as it would in production: the clock stops at every timer of the case that
   * falls due on the way, in order, and everything due then runs before time moves on.
   */
  public void moveTo(ProcessInstance root, String isoDateTime) {
    Date target = Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
    runDueJobs(root);
    for (Job next = nextTimer(root); next != null && !next.getDuedate().after(target); next = nextTimer(root)) {
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      runDueJobs(root);
    }
    ClockUtil.setCurrentTime(target);
    runDueJobs(root);
  }

  /** Runs the case's due jobs (async steps, timers), earliest first, until none is left; a failure fails the test. */
  public void runDueJobs(ProcessInstance root) {
    for (int executed = 0; executed < 1000; executed++) {
      Job next = jobs(root, true).stream().findFirst().orElse(null);
      if (next == null) {
        return;
      }
      managementService.executeJob(next.getId());
    }
    throw new IllegalStateException("Jobs keep coming for " + root.getId());
  }

  private Job nextTimer(ProcessInstance root) {
    return jobs(root, false).stream().filter(j -> j.getDuedate() != null).findFirst().orElse(null);
  }

  /** The case's jobs with retries left, earliest due first (async continuations, without due date, before all). */
  private List<Job> jobs(ProcessInstance root, boolean dueOnly) {
    List<Job> jobs = new ArrayList<>();
    for (String instanceId : instanceTree(root.getId())) {
      var query = managementService.createJobQuery().processInstanceId(instanceId).withRetriesLeft();
      jobs.addAll(dueOnly ? query.executable().list() : query.list());
    }
    jobs.sort(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())));
    return jobs;
  }

  /** The case and every process it called (still running). */
  public List<String> instanceTree(String rootId) {
    List<String> ids = new ArrayList<>(List.of(rootId));
    for (int i = 0; i < ids.size(); i++) {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(pi -> ids.add(pi.getId()));
    }
    return ids;
  }

  /** The one open task with this definition key anywhere in the case. */
  public Task task(ProcessInstance root, String taskDefinitionKey) {
    List<Task> tasks = new ArrayList<>();
    for (String instanceId : instanceTree(root.getId())) {
      tasks.addAll(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskDefinitionKey)
          .list());
    }
    if (tasks.size() != 1) {
      throw new IllegalStateException("Expected one open task " + taskDefinitionKey + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  public void complete(ProcessInstance root, String taskDefinitionKey, Map<String, Object> variables) {
    taskService.complete(task(root, taskDefinitionKey).getId(), variables);
    runDueJobs(root);
  }

  /** A message to the case, by business key, as other systems send it. */
  public void correlate(ProcessInstance root, String messageName, Map<String, Object> variables) {
    runtimeService.createMessageCorrelation(messageName).processInstanceBusinessKey(root.getBusinessKey())
        .setVariables(variables).correlateWithResult();
    runDueJobs(root);
  }

  /** The case's outcome, from history (also after it ended). */
  public Object variable(ProcessInstance instance, String name) {
    var variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  /** The outcome of the newest process of this key that the case called. */
  public Object calledOutcome(ProcessInstance root, String processKey) {
    var called = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(root.getId())
        .processDefinitionKey(processKey).orderByProcessInstanceStartTime().desc().list();
    if (called.isEmpty()) {
      return null;
    }
    var variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(called.get(0).getId())
        .variableName("outcome").singleResult();
    return variable == null ? null : variable.getValue();
  }
}
