package nl.salland.zorginkoop.requests;

import nl.salland.zorginkoop.contract.ContractRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * For BPMN: {@code ${contractFacts.fill(execution)}} puts what the register knows of the case's contract (provider,
 * sector, contract year) into the case, for decision tables and forms: {@code registeredContractType},
 * {@code registeredRevenueCeiling} (euros; absent when the contract has no ceiling) and
 * {@code registeredContractEndDate}. Without a contract in the register, {@code contractRegistered} is false and the
 * other three are absent.
 */
@Component("contractFacts")
public class ContractFacts {

  private final ContractRegister contracts;

  public ContractFacts(ContractRegister contracts) {
    this.contracts = contracts;
  }

  public void fill(DelegateExecution execution) {
    var contract = contracts.find(RequestInputs.agbCode(execution), RequestInputs.sector(execution),
        RequestInputs.contractYear(execution));
    execution.setVariable("contractRegistered", contract.isPresent());
    contract.ifPresent(found -> {
      execution.setVariable("registeredContractType", found.contractType());
      execution.setVariable("registeredRevenueCeiling", RequestInputs.asNumber(found.revenueCeiling()));
      execution.setVariable("registeredContractEndDate", found.endDate().toString());
    });
  }
}
