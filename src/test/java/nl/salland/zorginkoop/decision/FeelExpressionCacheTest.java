package nl.salland.zorginkoop.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.function.Supplier;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.decision.FeelExpressionCache.CachingScalaFeelEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every decision test evaluates through this engine as well; here it is compared with Camunda's own. */
@ZorginkoopTest
class FeelExpressionCacheTest {

  @Autowired
  ProcessEngine engine;

  private final FeelEngine camundas = new ScalaFeelEngine(List.of());
  private final CachingScalaFeelEngine caching = new CachingScalaFeelEngine(List.of());

  @Test
  void theDecisionTablesAreEvaluatedByTheEngineThatParsesOnce() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(CachingScalaFeelEngine.class);
  }

  @Test
  void leavesTheLegacyFeelEngineAloneWhereItIsSwitchedOn() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    new FeelExpressionCache().preInit(configuration);
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();

    assertThat(dmn.getFeelEngineFactory().createInstance()).isInstanceOf(CachingScalaFeelEngine.class);
    dmn.setEnableFeelLegacyBehavior(true);
    assertThat(dmn.getFeelEngineFactory().createInstance()).isInstanceOf(FeelEngineImpl.class);
  }

  @Test
  void anInputEntryIsParsedOnceAndTestedForEveryInput() {
    assertThat(caching.evaluateSimpleUnaryTests("[30..150]", "cellInput", input(30))).isTrue();
    assertThat(caching.evaluateSimpleUnaryTests("[30..150]", "cellInput", input(151))).isFalse();
    assertThat(caching.evaluateSimpleUnaryTests("[30..150]", "cellInput", input(29))).isFalse();

    assertThat(caching.parser().kept()).isEqualTo(1);
  }

  @Test
  void answersAsCamundasEngineDoesTheFirstTimeAndAfterwards() {
    List<String> failing = List.of("[1..", "amount +", "assert(sector, sector != null, \"sector is verplicht\")");
    for (int time = 1; time <= 2; time++) {
      for (String test : List.of("< 100000", "\"GGZ\",\"WLZ_GZ\"", "not(\"GGZ\")", "-", "[1..", "> \"tekst\"")) {
        VariableContext variables = Variables.createVariables().putValue("cellInput", "GGZ").asVariableContext();
        Throwable failure = assertSameOutcome(() -> camundas.evaluateSimpleUnaryTests(test, "cellInput", variables),
            () -> caching.evaluateSimpleUnaryTests(test, "cellInput", variables));
        assertThat(failure != null).as(test).isEqualTo(failing.contains(test));
      }
      for (String expression : List.of("amount * 2", "date(\"2026-07-31\") + duration(\"P14D\")", failing.get(2),
          "amount +", "unknownFunction(1)")) {
        VariableContext variables = Variables.createVariables().putValue("amount", 50_000)
            .putValue("sector", null).asVariableContext();
        Throwable failure = assertSameOutcome(() -> camundas.evaluateSimpleExpression(expression, variables),
            () -> caching.evaluateSimpleExpression(expression, variables));
        if (failing.contains(expression)) {
          assertThat(failure).as(expression).isNotNull();
        }
      }
    }
  }

  @Test
  void keepsAtMostItsLimitOfExpressions() {
    for (int i = 0; i <= FeelExpressionCache.MAX_EXPRESSIONS; i++) {
      caching.evaluateSimpleUnaryTests("< " + i, "cellInput", input(1));
    }

    assertThat(caching.parser().kept()).isEqualTo(1);
    assertThat(caching.evaluateSimpleUnaryTests("< 0", "cellInput", input(1))).isFalse();
  }

  private static VariableContext input(Object value) {
    return Variables.createVariables().putValue("cellInput", value).asVariableContext();
  }

  /** The same value, or a FeelException with the same message; Camunda's failure, if any. */
  private static Throwable assertSameOutcome(Supplier<Object> expected, Supplier<Object> actual) {
    Object[] values = new Object[2];
    Throwable expectedFailure = catchThrowable(() -> values[0] = expected.get());
    Throwable actualFailure = catchThrowable(() -> values[1] = actual.get());
    assertThat(values[1]).isEqualTo(values[0]);
    if (expectedFailure == null) {
      assertThat(actualFailure).isNull();
    } else {
      assertThat(actualFailure).isInstanceOf(FeelException.class).hasMessage(expectedFailure.getMessage());
    }
    return expectedFailure;
  }
}
