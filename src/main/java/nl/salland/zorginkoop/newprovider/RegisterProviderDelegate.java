package nl.salland.zorginkoop.newprovider;

import java.util.Optional;
import java.util.regex.Pattern;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Puts a new provider whose AGB code was checked into the register ({@code zi_provider}), in the step's own
 * transaction: name, KvK number and municipality as the AGB register knows them ({@code agbRegistration}), else as
 * declared ({@code declaredName}, {@code declaredKvkNumber}), else as the register already had them; the e-mail
 * address of the application ({@code providerEmail}), else the register's. Sets {@code providerName} for forms and
 * mails.
 */
@Component("registerProviderDelegate")
public class RegisterProviderDelegate implements JavaDelegate {

  private static final Pattern KVK = Pattern.compile("\\d{8}");

  private final ProviderRegister providers;

  public RegisterProviderDelegate(ProviderRegister providers) {
    this.providers = providers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AgbCode agbCode = new AgbCode(DelegateInputs.required(execution, "agbCode"));
    Optional<Provider> known = providers.find(agbCode);
    Object registration = execution.getVariable("agbRegistration");
    SpinJsonNode agb = registration instanceof SpinJsonNode json ? json : null;

    String name = field(agb, "name").or(() -> DelegateInputs.optional(execution, "declaredName"))
        .or(() -> known.map(Provider::name)).orElse("AGB " + agbCode.value());
    String kvkNumber = field(agb, "kvkNumber").or(() -> DelegateInputs.optional(execution, "declaredKvkNumber"))
        .filter(kvk -> KVK.matcher(kvk).matches()).or(() -> known.map(Provider::kvkNumber)).orElse(null);
    String municipality = field(agb, "municipality").or(() -> known.map(Provider::municipality)).orElse(null);
    String email = DelegateInputs.optional(execution, "providerEmail").or(() -> known.map(Provider::email))
        .orElse(null);

    providers.save(new Provider(agbCode, name, kvkNumber, municipality, email));
    execution.setVariable("providerName", name);
  }

  private static Optional<String> field(SpinJsonNode registration, String name) {
    if (registration == null || !registration.hasProp(name) || registration.prop(name).isNull()) {
      return Optional.empty();
    }
    String value = registration.prop(name).stringValue();
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
