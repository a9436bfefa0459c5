package nl.salland.zorginkoop.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.salland.zorginkoop.engine.ExtensionProperties;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Refuses a case whose variables are missing or malformed, whichever way it arrives (REST API, Tasklist, Java, call
 * activity): the start or task completion fails with an {@link InvalidInputException} naming the variable and
 * nothing is stored. Declared in the diagram as extension properties (visible in the Modeler):
 * <ul>
 *   <li>on the process: {@code zorginkoop.requiredVariables} (comma-separated names) and optionally
 *       {@code zorginkoop.allowedSectors}, checked when an instance starts;</li>
 *   <li>on a user task: {@code zorginkoop.requiredVariables}, checked when the task is completed.</li>
 * </ul>
 * The formats of known variables ({@link CaseVariables}) are checked in both cases.
 */
@Component
public class RequiredVariablesPlugin extends AbstractProcessEnginePlugin {

  public static final String REQUIRED_PROPERTY = "zorginkoop.requiredVariables";
  public static final String SECTORS_PROPERTY = "zorginkoop.allowedSectors";

  /** What a process requires at its start, or a user task at its completion. */
  public record Requirements(List<String> required, Set<Sector> allowedSectors) {

    public static final Requirements NONE = new Requirements(List.of(), Set.of());

    static Requirements of(Map<String, String> properties) {
      List<String> required = split(properties.get(REQUIRED_PROPERTY));
      Set<Sector> sectors = EnumSet.noneOf(Sector.class);
      for (String name : split(properties.get(SECTORS_PROPERTY))) {
        sectors.add(Sector.parse(name).orElseThrow(() -> new IllegalArgumentException(
            SECTORS_PROPERTY + " names unknown sector '" + name + "'")));
      }
      return new Requirements(required, sectors);
    }

    /** What the plugin stored on a parsed process definition or user task ({@link #REQUIRED_PROPERTY}). */
    public static Requirements storedOn(CoreModelElement element) {
      return (Requirements) element.getProperty(REQUIRED_PROPERTY);
    }

    public void check(Map<String, ?> variables) {
      CaseVariables.requireValid(variables, required, allowedSectors);
    }

    private static List<String> split(String value) {
      return value == null || value.isBlank() ? List.of()
          : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        Requirements requirements = Requirements.of(ExtensionProperties.of(processElement));
        processDefinition.setProperty(REQUIRED_PROPERTY, requirements);
        processDefinition.addListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) execution -> requirements.check(execution.getVariables()));
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        Requirements requirements = Requirements.of(ExtensionProperties.of(element));
        activity.setProperty(REQUIRED_PROPERTY, requirements);
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addTaskListener(
            TaskListener.EVENTNAME_COMPLETE, (TaskListener) task -> requirements.check(task.getVariables()));
      }
    });
    // Pre-parse: runs before the other listeners, so no case row or grant is written for a refused start.
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
