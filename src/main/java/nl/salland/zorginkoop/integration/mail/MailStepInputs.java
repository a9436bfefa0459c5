package nl.salland.zorginkoop.integration.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The inputs of a mail step ({@code mailTemplate}, {@code reminderSubject}, {@code deadline}, ...), evaluated by
 * {@link ProviderMailDelegate} itself when it runs instead of by Camunda when the step starts.
 *
 * <p>In the diagram they stay ordinary input parameters (Modeler: Inputs; the element template "Mail aan
 * zorgaanbieder versturen"). For an activity with input parameters Camunda creates a scope of its own: a child
 * execution and a local variable per parameter, each written to the history and deleted again when the step ends, in
 * every reminder of a deadline storm. This plugin takes the parameters off a mail step when a diagram is deployed
 * and keeps them on the step; {@link #valuesFor} evaluates them against the variables the step sees, which are the
 * ones Camunda would evaluate them against, and no variable is written for them.
 *
 * <p>Left to Camunda, so that nothing can read differently: a step with output parameters, a multi-instance step
 * (Camunda does not make it a scope for its mapping) and a step with a start listener (Camunda evaluates inputs
 * before start listeners, the delegate after them). Instance modification's "skip input mappings" does not apply to
 * the steps this plugin changes.
 */
@Component
public class MailStepInputs extends AbstractProcessEnginePlugin {

  private static final String MAIL_DELEGATE = "${providerMailDelegate}";
  private static final String MAIL_STEP_PROPERTY = "zorginkoop.mailStep";
  static final String INPUTS_PROPERTY = "zorginkoop.mailInputs";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (MAIL_DELEGATE.equals(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "delegateExpression"))
            && !hasStartListener(element)) {
          activity.setProperty(MAIL_STEP_PROPERTY, true);
        }
      }

      /** Called after {@link #parseServiceTask}, once Camunda has set the mapping (and made the step a scope). */
      @Override
      public void parseIoMapping(Element extensionElements, ActivityImpl activity, IoMapping mapping) {
        if (Boolean.TRUE.equals(activity.getProperty(MAIL_STEP_PROPERTY)) && activity.isScope()
            && mapping.getOutputParameters().isEmpty()) {
          activity.setProperty(INPUTS_PROPERTY, List.copyOf(mapping.getInputParameters()));
          activity.setIoMapping(null);
          activity.setScope(false);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  private static boolean hasStartListener(Element serviceTask) {
    Element extensions = serviceTask.element("extensionElements");
    return extensions != null && extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "executionListener")
        .stream().anyMatch(listener -> ExecutionListener.EVENTNAME_START.equals(listener.attribute("event")));
  }

  /**
   * The step's inputs, evaluated now, over the process variables as the step sees them (an input hides a variable).
   * A variable is read when it is asked for: a template names a few of a case's variables, and reading them all would
   * deserialize every one of them in every reminder.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> valuesFor(DelegateExecution execution) {
    Map<String, Object> values = new StepValues(execution);
    PvmActivity activity = execution instanceof ActivityExecution step ? step.getActivity() : null;
    List<InputParameter> inputs = activity == null ? null : (List<InputParameter>) activity.getProperty(INPUTS_PROPERTY);
    if (inputs != null) {
      for (InputParameter input : inputs) {
        values.put(input.getName(), input.getValueProvider().getValue(execution));
      }
    }
    return values;
  }

  /** Values put here (inputs, and what the delegate adds) first; else the variable of that name, or null. */
  private static final class StepValues extends HashMap<String, Object> {

    private final transient VariableScope variables;

    StepValues(VariableScope variables) {
      this.variables = variables;
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? super.get(name) : variables.getVariable((String) name);
    }
  }
}
