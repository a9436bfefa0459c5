package nl.salland.zorginkoop.requests.transitionbudget;

import java.math.BigDecimal;
import nl.salland.zorginkoop.requests.RequestInputs;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An approved application takes {@code grantedAmount} from the regiobudget of its year, in the transaction of the
 * assessment task's completion. Sets {@code budgetReserved}: true when the pot had enough, false when it had not (then
 * nothing is taken and the process tells the provider); and {@code transitionBudgetRemaining} afterwards. A granted
 * amount that is missing, not positive or above the requested amount refuses the completion.
 */
@Component("reserveTransitionBudgetDelegate")
public class ReserveTransitionBudgetDelegate implements JavaDelegate {

  private final TransitionBudgets budgets;

  public ReserveTransitionBudgetDelegate(TransitionBudgets budgets) {
    this.budgets = budgets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal amount = RequestInputs.positiveAmount(execution, "grantedAmount", "when the application is approved");
    RequestInputs.optionalAmount(execution, "requestedAmount").ifPresent(requested -> {
      if (amount.compareTo(requested) > 0) {
        throw new InvalidInputException("grantedAmount", "must not be more than the requested "
            + requested.toPlainString() + ", got " + amount.toPlainString());
      }
    });
    int year = RequestInputs.contractYear(execution);
    boolean reserved = budgets.grant(execution.getProcessInstanceId(), year, RequestInputs.agbCode(execution),
        (String) execution.getVariable("transitionTheme"), amount);
    execution.setVariable("budgetReserved", reserved);
    execution.setVariable("transitionBudgetRemaining", RequestInputs.asNumber(budgets.remaining(year).orElseThrow()));
  }
}
