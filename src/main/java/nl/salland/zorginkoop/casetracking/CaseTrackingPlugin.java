package nl.salland.zorginkoop.casetracking;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.engine.ExtensionProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code zi_case} and {@code zi_deadline} up to date for every process, without listeners drawn in the
 * diagrams:
 * <ul>
 *   <li>a case row when a process with an {@code agbCode} starts, its current step at every wait state (user task,
 *       receive task, catch event, event-based gateway, call activity), its outcome when it ends;</li>
 *   <li>a deadline for every user task with a due date, and for every wait state with the extension property
 *       {@code zorginkoop.deadline} (a calendar milestone such as {@code OFFER_DUE}). Its due moment is the
 *       calendar's deadline for the case's sector and year, or the expression in {@code zorginkoop.deadlineDue}.
 *       The deadline closes as MET or MISSED when the wait ends.</li>
 * </ul>
 */
@Component
public class CaseTrackingPlugin extends AbstractProcessEnginePlugin {

  public static final String DEADLINE_PROPERTY = "zorginkoop.deadline";
  public static final String DEADLINE_DUE_PROPERTY = "zorginkoop.deadlineDue";

  private final CaseTracker tracker;

  public CaseTrackingPlugin(CaseTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new TrackingParseListener(configuration));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private class TrackingParseListener extends AbstractBpmnParseListener {

    private final ProcessEngineConfigurationImpl configuration;

    TrackingParseListener(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) tracker::caseStarted);
      processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) tracker::caseEnded);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      String label = label(element, activity);
      trackStep(activity, label);
      String milestone = ExtensionProperties.of(element).getOrDefault(DEADLINE_PROPERTY, activity.getId());
      var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
      taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, (TaskListener) task ->
          tracker.deadlineOpened(task.getExecution(), task.getExecution().getActivityInstanceId(), milestone, label,
              task.getDueDate()));
      taskDefinition.addTaskListener(TaskListener.EVENTNAME_UPDATE, (TaskListener) task ->
          tracker.deadlineMoved(task.getExecution().getActivityInstanceId(), task.getDueDate()));
      closeDeadlineOnEnd(activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      trackWaitState(element, activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      trackWaitState(element, activity);
    }

    @Override
    public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
      trackWaitState(element, activity);
    }

    @Override
    public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
      trackWaitState(element, activity);
    }

    private void trackWaitState(Element element, ActivityImpl activity) {
      String label = label(element, activity);
      trackStep(activity, label);
      Map<String, String> properties = ExtensionProperties.of(element);
      String milestone = properties.get(DEADLINE_PROPERTY);
      if (milestone == null) {
        return;
      }
      ExpressionManager expressions = configuration.getExpressionManager();
      Expression due = expressions.createExpression(properties.getOrDefault(DEADLINE_DUE_PROPERTY,
          "${contractingCalendar.deadline(sector, contractYear, '" + milestone + "')}"));
      activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
          tracker.deadlineOpened(execution, execution.getActivityInstanceId(), milestone, label,
              asDate(due.getValue(execution))));
      closeDeadlineOnEnd(activity);
    }

    private void trackStep(ActivityImpl activity, String step) {
      activity.addListener(ExecutionListener.EVENTNAME_START,
          (ExecutionListener) execution -> tracker.stepEntered(execution, step));
    }

    /** The Dutch name of the element as drawn, or its id when it has none. */
    private static String label(Element element, ActivityImpl activity) {
      String name = element.attribute("name");
      return name == null || name.isBlank() ? activity.getId() : name.replaceAll("\\s+", " ").trim();
    }

    private void closeDeadlineOnEnd(ActivityImpl activity) {
      activity.addListener(ExecutionListener.EVENTNAME_END,
          (ExecutionListener) execution -> tracker.deadlineClosed(execution.getActivityInstanceId()));
    }
  }

  static Date asDate(Object value) {
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    return Date.from(java.time.OffsetDateTime.parse(value.toString()).toInstant());
  }
}
