package nl.salland.zorginkoop.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mail step never runs in the transaction of a staff member's task completion, an incoming message or an API
 * call, so a broken template can never fail those: it either is asynchronous itself (its own job), or every path to
 * it comes, through gateways and synchronous service steps only, from a job of the job executor (a timer event or an
 * asynchronous step), whose retries and incident then cover the mail too (bpmn/README.md, "Jobs").
 */
class MailStepsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("nl.salland.zorginkoop.modeler.DiagramInterchangeTest#bpmnFiles")
  void everyMailStepRunsInAJob(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    List<String> notInAJob = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if ("${providerMailDelegate}".equals(task.getCamundaDelegateExpression()) && !task.isCamundaAsyncBefore()) {
        callerTransactionsReaching(task).forEach(node -> notInAJob.add(task.getId() + " <- " + node));
      }
    }
    assertThat(notInAJob).as("mail steps reached in a caller's transaction (make them asynchronous)").isEmpty();
  }

  @Test
  void findsAMailStepThatAStaffCompletionWouldRun() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("p").startEvent().userTask("Task_Review")
        .exclusiveGateway().serviceTask("Task_Mail").camundaDelegateExpression("${providerMailDelegate}").endEvent()
        .moveToActivity("Task_Review").boundaryEvent("Timer_Reminder").timerWithDuration("P1D")
        .serviceTask("Task_Reminder").camundaDelegateExpression("${providerMailDelegate}").endEvent().done();

    assertThat(callerTransactionsReaching(model.getModelElementById("Task_Mail"))).containsExactly("Task_Review");
    assertThat(callerTransactionsReaching(model.getModelElementById("Task_Reminder"))).isEmpty();
  }

  /** The steps before {@code task} whose transaction is a caller's (not a job's) and that reach it synchronously. */
  private static List<String> callerTransactionsReaching(FlowNode task) {
    List<String> found = new ArrayList<>();
    Deque<FlowNode> toVisit = new ArrayDeque<>(List.of(task));
    Set<String> seen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      for (SequenceFlow flow : toVisit.pop().getIncoming()) {
        FlowNode source = flow.getSource();
        if (!seen.add(source.getId()) || startsAJob(source)) {
          continue;
        }
        if (source instanceof ExclusiveGateway || source instanceof ServiceTask || source instanceof ScriptTask) {
          toVisit.push(source);
        } else {
          found.add(source.getId());
        }
      }
    }
    return found;
  }

  /** The node runs in a job: asynchronous before or after it, or a timer event (also a timer start). */
  private static boolean startsAJob(FlowNode node) {
    if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
      return true;
    }
    return node instanceof CatchEvent event && !event.getEventDefinitions().isEmpty()
        && event.getEventDefinitions().stream().allMatch(TimerEventDefinition.class::isInstance);
  }
}
