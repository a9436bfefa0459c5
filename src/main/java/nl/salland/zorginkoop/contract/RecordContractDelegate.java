package nl.salland.zorginkoop.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the signed contract of the case in the register ({@code zi_contract}), in the same transaction as the
 * step itself. Reads {@code agbCode}, {@code sector}, {@code contractYear}; {@code contractForm} (default: STANDAARD
 * for digital contracting, MAATWERK for face-to-face), {@code contractType}, {@code revenueCeiling},
 * {@code contractStartDate} and {@code contractEndDate} (ISO dates; default the contract year). A provider not yet
 * in the register is added with the name the case knows.
 */
@Component("recordContractDelegate")
public class RecordContractDelegate implements JavaDelegate {

  private final ContractRegister contracts;
  private final ProviderRegister providers;

  public RecordContractDelegate(ContractRegister contracts, ProviderRegister providers) {
    this.contracts = contracts;
    this.providers = providers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgbCode agbCode = new AgbCode((String) execution.getVariable("agbCode"));
    if (providers.find(agbCode).isEmpty()) {
      String name = (String) execution.getVariable("providerName");
      providers.save(new Provider(agbCode, name == null ? "AGB " + agbCode : name, null, null,
          (String) execution.getVariable("providerEmail")));
    }
    int year = ((Number) execution.getVariable("contractYear")).intValue();
    contracts.record(new Contract(agbCode.value(), Sector.valueOf((String) execution.getVariable("sector")), year,
        contractForm(execution), (String) execution.getVariable("contractType"),
        amount(execution.getVariable("revenueCeiling")),
        date(execution.getVariable("contractStartDate"), LocalDate.of(year, 1, 1)),
        date(execution.getVariable("contractEndDate"), LocalDate.of(year, 12, 31)),
        execution.getProcessInstanceId()));
  }

  private static ContractForm contractForm(DelegateExecution execution) {
    Object form = execution.getVariable("contractForm");
    if (form != null) {
      return ContractForm.valueOf(form.toString());
    }
    return "FACE_TO_FACE".equals(execution.getVariable("contractingMode")) ? ContractForm.MAATWERK
        : ContractForm.STANDAARD;
  }

  private static BigDecimal amount(Object value) {
    return value instanceof Number number ? new BigDecimal(number.toString()) : null;
  }

  private static LocalDate date(Object value, LocalDate otherwise) {
    return value == null || value.toString().isBlank() ? otherwise : LocalDate.parse(value.toString().substring(0, 10));
  }
}
