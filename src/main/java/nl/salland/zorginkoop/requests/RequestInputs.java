package nl.salland.zorginkoop.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reads what a request step needs from the case. A value a person must give on a task (an amount, a date) that is
 * missing or wrong is an {@link InvalidInputException} naming it: the step runs in the transaction of the task's
 * completion, so the completion is refused and the task stays open.
 */
public final class RequestInputs {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private RequestInputs() {
  }

  public static String agbCode(DelegateExecution execution) {
    return DelegateInputs.required(execution, "agbCode");
  }

  public static Sector sector(DelegateExecution execution) {
    String value = DelegateInputs.required(execution, "sector");
    return Sector.parse(value).orElseThrow(() -> new IllegalStateException("Unknown sector '" + value + "'"));
  }

  public static int contractYear(DelegateExecution execution) {
    return DelegateInputs.contractYear(execution);
  }

  /** An amount in euros that must be given and positive. */
  public static BigDecimal positiveAmount(DelegateExecution execution, String name, String why) {
    BigDecimal amount = optionalAmount(execution, name)
        .orElseThrow(() -> new InvalidInputException(name, "is required " + why));
    if (amount.signum() <= 0) {
      throw new InvalidInputException(name, "must be more than 0, got " + amount.toPlainString());
    }
    return amount;
  }

  /** An amount in euros (a number variable), if given. */
  public static Optional<BigDecimal> optionalAmount(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number)) {
      throw new InvalidInputException(name, "must be a number, got '" + value + "'");
    }
    return Optional.of(new BigDecimal(number.toString()));
  }

  /** Free text a person gave, if any. */
  public static String text(DelegateExecution execution, String name) {
    return DelegateInputs.optional(execution, name).orElse(null);
  }

  /** A day: an ISO date or date-time string, or a Date (its day in Amsterdam). */
  public static Optional<LocalDate> optionalDay(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    if (value instanceof Date date) {
      return Optional.of(date.toInstant().atZone(AMSTERDAM).toLocalDate());
    }
    return Optional.of(LocalDate.parse(value.toString().strip().substring(0, 10)));
  }

  public static LocalDate day(DelegateExecution execution, String name) {
    return optionalDay(execution, name).orElseThrow(() -> new IllegalStateException(
        "Variable '" + name + "' is required by activity '" + execution.getCurrentActivityId() + "' but not set"));
  }

  /** A number variable as a Double, the form processes keep money in (CONTRACT: money in euros as numbers). */
  public static Double asNumber(BigDecimal amount) {
    return amount == null ? null : amount.doubleValue();
  }
}
