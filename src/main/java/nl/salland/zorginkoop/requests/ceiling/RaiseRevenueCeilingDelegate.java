package nl.salland.zorginkoop.requests.ceiling;

import java.math.BigDecimal;
import nl.salland.zorginkoop.contract.ContractRegister;
import nl.salland.zorginkoop.requests.RequestInputs;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A granted ceiling-overrun request: the register's revenue ceiling ({@code zi_contract.revenue_ceiling}) becomes
 * {@code newCeiling}, in the transaction of the assessment task's completion. A new ceiling that is missing or not
 * higher than the registered one refuses the completion (the assessor corrects it); a contract without a ceiling in
 * the register fails the step with a message that says so.
 */
@Component("raiseRevenueCeilingDelegate")
public class RaiseRevenueCeilingDelegate implements JavaDelegate {

  private final ContractRegister contracts;

  public RaiseRevenueCeilingDelegate(ContractRegister contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal newCeiling = RequestInputs.positiveAmount(execution, "newCeiling", "when the ceiling is raised");
    RequestInputs.optionalAmount(execution, "registeredRevenueCeiling").ifPresent(current -> {
      if (newCeiling.compareTo(current) <= 0) {
        throw new InvalidInputException("newCeiling", "must be higher than the registered ceiling of "
            + current.toPlainString() + ", got " + newCeiling.toPlainString());
      }
    });
    String agbCode = RequestInputs.agbCode(execution);
    var sector = RequestInputs.sector(execution);
    int year = RequestInputs.contractYear(execution);
    if (!contracts.raiseRevenueCeiling(agbCode, sector, year, newCeiling)) {
      throw new IllegalStateException("The register has no contract with a revenue ceiling for AGB " + agbCode
          + ", " + sector + " " + year + ": record the contract first, or reject the request");
    }
  }
}
