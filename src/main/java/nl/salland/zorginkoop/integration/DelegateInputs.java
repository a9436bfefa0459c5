package nl.salland.zorginkoop.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads the variables a delegate needs. A missing required variable is a modelling error: the job fails with a
 * message naming it and ends as an incident, instead of sending half a request to an outside system.
 */
public final class DelegateInputs {

  private DelegateInputs() {
  }

  public static String required(DelegateExecution execution, String name) {
    return requiredText(execution, execution.getVariable(name), name);
  }

  /** As {@link #required(DelegateExecution, String)}, but read from {@code values} (e.g. variables plus inputs). */
  public static String required(DelegateExecution execution, Map<String, ?> values, String name) {
    return requiredText(execution, values.get(name), name);
  }

  /** The variable as text; absent when not set or blank. */
  public static Optional<String> optional(DelegateExecution execution, String name) {
    return text(execution.getVariable(name));
  }

  /** As {@link #optional(DelegateExecution, String)}, but read from {@code values}. */
  public static Optional<String> optional(Map<String, ?> values, String name) {
    return text(values.get(name));
  }

  private static String requiredText(DelegateExecution execution, Object value, String name) {
    return text(value).orElseThrow(() -> new IllegalStateException(
        "Variable '" + name + "' is required by activity '" + execution.getCurrentActivityId() + "' but not set"));
  }

  private static Optional<String> text(Object value) {
    return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
  }

  /** {@code contractYear} may arrive as Integer, Long or String. */
  public static int contractYear(DelegateExecution execution) {
    String value = required(execution, "contractYear");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Variable 'contractYear' is not a year: '" + value + "'", e);
    }
  }

  /**
   * A variable passed on to a remote as JSON: a JSON variable (as Camunda Forms submit them), a map or list, or a
   * plain value such as a text.
   */
  public static Optional<JsonNode> optionalJson(DelegateExecution execution, String name, ObjectMapper json) {
    Object value = execution.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(value instanceof SpinJsonNode spin ? json.readTree(spin.toString()) : json.valueToTree(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variable '" + name + "' is not valid JSON", e);
    }
  }
}
