package nl.salland.zorginkoop.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;

/**
 * One row of a table-driven decision test: its name cites the policy line, the variables go in as a caller would pass
 * them, and either the outputs or an evaluation error naming {@code errorNaming} comes out.
 */
record DecisionCase(String name, Map<String, Object> variables, Map<String, Object> expected, String errorNaming) {

  /** {@code kv}: variable name, value, variable name, value, ... (values may be null). */
  static Map<String, Object> vars(Object... kv) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put((String) kv[i], kv[i + 1]);
    }
    return map;
  }

  static DecisionCase expect(String name, Map<String, Object> expected, Object... kv) {
    return new DecisionCase(name, vars(kv), expected, null);
  }

  static DecisionCase fails(String name, String errorNaming, Object... kv) {
    return new DecisionCase(name, vars(kv), null, errorNaming);
  }

  void verify(DecisionService decisions, String key) {
    if (errorNaming != null) {
      Throwable thrown = catchThrowable(() -> evaluate(decisions, key, variables));
      assertThat(thrown).as(name).isNotNull();
      assertThat(DecisionErrorReporting.evaluationFailure(thrown)).as(name + ": " + thrown).contains(errorNaming);
      return;
    }
    assertThat(evaluate(decisions, key, variables)).as(name).containsExactlyInAnyOrderEntriesOf(expected);
  }

  static Map<String, Object> evaluate(DecisionService decisions, String key, Map<String, Object> variables) {
    return decisions.evaluateDecisionByKey(key).variables(variables).evaluate().getSingleResult().getEntryMap();
  }

  @Override
  public String toString() {
    return name;
  }
}
