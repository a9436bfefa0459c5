package nl.salland.zorginkoop.integration;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;

/**
 * A tiny test-only process around one integration step, built with Camunda's fluent model builder and deployed under
 * a key of its own (never a real process key); {@link #delete()} removes it again. The step runs asynchronously as
 * in the real processes; a BPMN error of any code is caught by a boundary event that leads to {@value #REJECTED},
 * with the code in {@code errorCode} and the message in {@code errorMessage}; success leads to {@value #DONE}.
 */
public final class DelegateTestProcess {

  public static final String STEP = "Task_Remote";
  public static final String DONE = "Task_Done";
  public static final String REJECTED = "Task_Rejected";

  private final ProcessEngine engine;
  private final String key;
  private final String deploymentId;

  private DelegateTestProcess(ProcessEngine engine, String key, String deploymentId) {
    this.engine = engine;
    this.key = key;
    this.deploymentId = deploymentId;
  }

  public static DelegateTestProcess deploy(ProcessEngine engine, String delegateBean, Map<String, String> inputs) {
    String key = "integrationTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ServiceTaskBuilder step = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Start")
        .serviceTask(STEP).camundaDelegateExpression("${" + delegateBean + "}").camundaAsyncBefore()
        .camundaExecutionListenerClass(ExecutionListener.EVENTNAME_END, FailOnceAfterTheStep.class);
    inputs.forEach(step::camundaInputParameter);
    BpmnModelInstance model = step
        .userTask(DONE)
        .endEvent("EndEvent_Done")
        .moveToActivity(STEP)
        .boundaryEvent("BoundaryEvent_Rejected")
        .errorEventDefinition().errorCodeVariable("errorCode").errorMessageVariable("errorMessage")
        .errorEventDefinitionDone()
        .userTask(REJECTED)
        .endEvent("EndEvent_Rejected")
        .done();
    String deploymentId = engine.getRepositoryService().createDeployment().name(key)
        .addModelInstance(key + ".bpmn", model).deploy().getId();
    return new DelegateTestProcess(engine, key, deploymentId);
  }

  public ProcessInstance start(String businessKey, Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey(key, businessKey, variables);
  }

  /** The asynchronous continuation before the integration step. */
  public Job job(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  public void executeJob(ProcessInstance instance) {
    engine.getManagementService().executeJob(job(instance).getId());
  }

  /** The expected key of the step: {@code {processInstanceId}:{activityId}}. */
  public static String idempotencyKey(ProcessInstance instance) {
    return instance.getId() + ":" + STEP;
  }

  public void delete() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  /**
   * Makes the step's transaction fail once, after the delegate did its work: the job is retried although the
   * outside system already got the call, as after a crash or a database hiccup at commit.
   */
  public static class FailOnceAfterTheStep implements ExecutionListener {

    public static final AtomicBoolean ARMED = new AtomicBoolean();

    @Override
    public void notify(DelegateExecution execution) {
      if (ARMED.getAndSet(false)) {
        throw new IllegalStateException("Simulated failure after the integration step");
      }
    }
  }
}
