package nl.salland.zorginkoop.decision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;

/**
 * Our decision tables end in an evaluation error that names the missing or invalid input
 * ({@code assert(null, false, "sector is verplicht ...")}). The engine wraps that error ("Exception while evaluating
 * decision with key ...") and the REST API would report only the wrapper, so a caller of
 * {@code POST /engine-rest/decision-definition/key/{key}/evaluate} would not learn which input was wrong. This finds
 * the reason; {@code engine.EngineRestErrors} adds it to the message of the REST error.
 */
public final class DecisionErrorReporting {

  private static final Pattern ASSERTION = Pattern.compile("Assertion failure on evaluate the expression '.*': (.*)",
      Pattern.DOTALL);

  private DecisionErrorReporting() {
  }

  /** The reason a decision evaluation failed, from the FEEL or DMN engine, or null if it did not fail there. */
  public static String evaluationFailure(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FeelException || cause instanceof DmnEngineException) {
        String message = cause.getMessage();
        Matcher assertion = message == null ? null : ASSERTION.matcher(message);
        return assertion != null && assertion.find() ? assertion.group(1) : message;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
