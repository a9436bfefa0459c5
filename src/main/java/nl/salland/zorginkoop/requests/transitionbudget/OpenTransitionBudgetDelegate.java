package nl.salland.zorginkoop.requests.transitionbudget;

import nl.salland.zorginkoop.requests.RequestInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Makes sure the regiobudget of the application's year ({@code contractYear}) is open, with the total of the decision
 * transitionBudgetTotal ({@code transitionBudgetTotal}), and shows the assessor what is left
 * ({@code transitionBudgetRemaining}, euros, at the moment the application reaches the assessment).
 */
@Component("openTransitionBudgetDelegate")
public class OpenTransitionBudgetDelegate implements JavaDelegate {

  private final TransitionBudgets budgets;

  public OpenTransitionBudgetDelegate(TransitionBudgets budgets) {
    this.budgets = budgets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int year = RequestInputs.contractYear(execution);
    var total = RequestInputs.optionalAmount(execution, "transitionBudgetTotal").orElseThrow(() ->
        new IllegalStateException("Variable 'transitionBudgetTotal' (decision transitionBudgetTotal) is not set"));
    budgets.open(year, total);
    execution.setVariable("transitionBudgetRemaining", RequestInputs.asNumber(budgets.remaining(year).orElseThrow()));
  }
}
