package nl.salland.zorginkoop.decision;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;

/**
 * Camunda's FEEL engine parses an expression every time it evaluates it: every input entry of every rule of a
 * decision table, at every evaluation. In the season benchmark parsing was 28 of the 151 profile samples of the Wlz
 * registrations (docs/performance.md, "The FEEL engine"). This plugin gives the DMN engine the same FEEL engine,
 * built the same way (Camunda's value mappers and custom functions, no external functions), which keeps what it
 * parsed and evaluates that again: the same results and the same error messages (FeelExpressionCacheTest, and every
 * decision test).
 */
@Component
public class FeelExpressionCache extends AbstractProcessEnginePlugin {

  /** Parsed expressions kept at most; the decision tables of many deployed versions hold a few hundred. */
  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    // Asked when the engine builds its DMN engine, after all settings: the legacy FEEL engine stays Camunda's.
    dmn.setFeelEngineFactory(() -> dmn.isEnableFeelLegacyBehavior()
        ? new FeelEngineFactoryImpl().createInstance()
        : new CachingScalaFeelEngine(dmn.getFeelCustomFunctionProviders()));
    configuration.setDmnEngineConfiguration(dmn);
  }

  /** Camunda's FEEL engine for DMN, on a feel-scala engine that parses once. */
  static class CachingScalaFeelEngine extends ScalaFeelEngine {

    CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
      super(functionProviders);
    }

    @Override
    protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
      return new ParsingOnce(functions, valueMapper);
    }

    ParsingOnce parser() {
      return (ParsingOnce) feelEngine;
    }
  }

  /**
   * feel-scala's engine as Camunda builds it (external functions off, the default clock). Its own evalExpression
   * and evalUnaryTests parse, then evaluate; these do the same with the parse result kept, a parse error included.
   */
  static class ParsingOnce extends FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    ParsingOnce(FunctionProvider functions, ValueMapper valueMapper) {
      super(functions, valueMapper, new Configuration(false), FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, Object> evalExpression(String expression, Context context) {
      return parsed(expressions, expression, this::parseExpression).flatMap(parsed -> eval(parsed, context));
    }

    @Override
    public Either<Failure, Object> evalUnaryTests(String expression, Context context) {
      return parsed(unaryTests, expression, this::parseUnaryTests).flatMap(parsed -> eval(parsed, context))
          .<Object>map(BoxesRunTime::unboxToBoolean);
    }

    int kept() {
      return expressions.size() + unaryTests.size();
    }

    private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> kept,
        String expression, Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> parsed = kept.get(expression);
      if (parsed == null) {
        if (kept.size() >= MAX_EXPRESSIONS) {
          kept.clear();
        }
        parsed = parse.apply(expression);
        kept.put(expression, parsed);
      }
      return parsed;
    }
  }
}
