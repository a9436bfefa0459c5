package nl.salland.zorginkoop.provider;

import nl.salland.zorginkoop.sector.Sectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * For BPMN: {@code ${providerLookup.fill(execution)}} puts the provider's name from the register into the case
 * ({@code providerName}) and the sector's Dutch label ({@code sectorLabel}), for forms and task lists. (Mails find
 * the provider's address in the register themselves; a case copies nothing it does not show.)
 */
@Component("providerLookup")
public class ProviderLookup {

  private final ProviderRegister register;
  private final Sectors sectors;

  public ProviderLookup(ProviderRegister register, Sectors sectors) {
    this.register = register;
    this.sectors = sectors;
  }

  public void fill(DelegateExecution execution) {
    Object sector = execution.getVariable("sector");
    if (sector != null) {
      execution.setVariable("sectorLabel", sectors.label(sector));
    }
    String agbCode = (String) execution.getVariable("agbCode");
    register.find(new AgbCode(agbCode)).ifPresentOrElse(provider -> {
      execution.setVariable("providerName", provider.name());
    }, () -> {
      if (execution.getVariable("providerName") == null) {
        execution.setVariable("providerName", "Onbekende zorgaanbieder");
      }
    });
  }
}
