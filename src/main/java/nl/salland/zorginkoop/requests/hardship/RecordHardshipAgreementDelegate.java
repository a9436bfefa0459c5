package nl.salland.zorginkoop.requests.hardship;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.salland.zorginkoop.requests.RequestInputs;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A granted hardheidsclausule request becomes a maatwerk agreement in {@code zi_hardship_agreement}, in the
 * transaction of the assessment task's completion: {@code grantedTariffPercentage} and/or {@code grantedAmount} (at
 * least one; the completion is refused otherwise), valid until the last day of the procurement year (the contract
 * year), the longest the policy allows (004_fbae119c7f6fc4e4.txt:549). Sets {@code hardshipValidUntilDate} for the
 * provider's mail.
 */
@Component("recordHardshipAgreementDelegate")
public class RecordHardshipAgreementDelegate implements JavaDelegate {

  private final HardshipAgreements agreements;

  public RecordHardshipAgreementDelegate(HardshipAgreements agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BigDecimal percentage = RequestInputs.optionalAmount(execution, "grantedTariffPercentage").orElse(null);
    BigDecimal amount = RequestInputs.optionalAmount(execution, "grantedAmount").orElse(null);
    if (percentage == null && amount == null) {
      throw new InvalidInputException("grantedTariffPercentage",
          "a granted request needs the agreed tariff percentage or the granted amount (grantedAmount)");
    }
    if (percentage != null && (percentage.signum() <= 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new InvalidInputException("grantedTariffPercentage", "must be a percentage above 0 and at most 100, got "
          + percentage.toPlainString());
    }
    int procurementYear = RequestInputs.contractYear(execution);
    LocalDate validUntil = LocalDate.of(procurementYear, 12, 31);
    agreements.grant(execution.getProcessInstanceId(), RequestInputs.agbCode(execution), procurementYear, percentage,
        amount, validUntil);
    execution.setVariable("hardshipValidUntilDate", validUntil.toString());
  }
}
