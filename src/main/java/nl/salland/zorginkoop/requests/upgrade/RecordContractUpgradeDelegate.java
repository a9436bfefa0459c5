package nl.salland.zorginkoop.requests.upgrade;

import java.time.LocalDate;
import nl.salland.zorginkoop.contract.Contract;
import nl.salland.zorginkoop.contract.ContractRegister;
import nl.salland.zorginkoop.requests.RequestInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A granted switch from contract B to A (physiotherapy, speech therapy): in the register the B contract of
 * {@code contractYear} now ends the day before {@code upgradeEffectiveDate}, and a contract of type
 * {@code assessedContractType} (A) runs from that day to the end of the original term, recorded for the year in which
 * it starts (same form and ceiling). Repeating the step records the same result. Leaves
 * {@code upgradeEffectiveDate} as an ISO date for the provider's mail.
 */
@Component("recordContractUpgradeDelegate")
public class RecordContractUpgradeDelegate implements JavaDelegate {

  private final ContractRegister contracts;

  public RecordContractUpgradeDelegate(ContractRegister contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agbCode = RequestInputs.agbCode(execution);
    var sector = RequestInputs.sector(execution);
    int year = RequestInputs.contractYear(execution);
    LocalDate effective = RequestInputs.day(execution, "upgradeEffectiveDate");
    String newType = (String) execution.getVariable("assessedContractType");
    Contract current = contracts.find(agbCode, sector, year).orElseThrow(() -> new IllegalStateException(
        "The register has no contract for AGB " + agbCode + ", " + sector + " " + year));
    LocalDate originalEnd = RequestInputs.optionalDay(execution, "registeredContractEndDate")
        .orElse(current.endDate());
    if (!effective.isAfter(current.startDate()) || effective.isAfter(originalEnd)) {
      throw new IllegalStateException("Contract type " + newType + " from " + effective + " does not fall within "
          + "the contract of AGB " + agbCode + " (" + current.startDate() + " to " + originalEnd + ")");
    }
    contracts.endOn(agbCode, sector, year, effective.minusDays(1));
    contracts.record(new Contract(agbCode, sector, effective.getYear(), current.contractForm(), newType,
        current.revenueCeiling(), effective, originalEnd, execution.getProcessInstanceId()));
    execution.setVariable("upgradeEffectiveDate", effective.toString());
  }
}
