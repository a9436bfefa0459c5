package nl.salland.zorginkoop.integration.mail;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.mail.MailTemplates.RenderedMail;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import nl.salland.zorginkoop.sector.Sectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the provider from the Dutch template named by input {@code mailTemplate}, filled with the process
 * variables and the step's inputs ({@link MailStepInputs}), plus {@code sectorLabel}, and {@code providerName} from
 * the register when the process has none, else "uw organisatie".
 * Recipient: {@code providerEmail}, else the register's e-mail address of {@code agbCode}, else
 * {@code zorginkoop.mail.fallback-recipient}. The mail goes into the outbox in this step's transaction, once per
 * idempotency key; {@link MailOutboxSender} delivers it.
 */
@Component("providerMailDelegate")
public class ProviderMailDelegate implements JavaDelegate {

  static final String UNKNOWN_PROVIDER_NAME = "uw organisatie";

  private final MailTemplates templates;
  private final MailOutbox outbox;
  private final ProviderRegister providers;
  private final Sectors sectors;
  private final MailProperties properties;

  public ProviderMailDelegate(MailTemplates templates, MailOutbox outbox, ProviderRegister providers,
      Sectors sectors, MailProperties properties) {
    this.templates = templates;
    this.outbox = outbox;
    this.providers = providers;
    this.sectors = sectors;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdempotencyKey key = IdempotencyKey.of(execution);
    Map<String, Object> values = MailStepInputs.valuesFor(execution);
    String template = DelegateInputs.required(execution, values, "mailTemplate");
    Optional<Provider> provider = DelegateInputs.optional(values, "agbCode").filter(AgbCode::isValid)
        .flatMap(agbCode -> providers.find(new AgbCode(agbCode)));
    DelegateInputs.optional(values, "sector").ifPresent(sector -> values.put("sectorLabel", sectors.label(sector)));
    if (values.get("providerName") == null) {
      values.put("providerName", provider.map(Provider::name).orElse(UNKNOWN_PROVIDER_NAME));
    }
    RenderedMail mail = templates.render(template, values);

    // Not added when an earlier run of this step committed it already: never a second mail.
    outbox.addIfAbsent(new OutboxMail(key.value(), messageId(key), template, recipient(execution, values, provider),
        mail.subject(), mail.body(), execution.getProcessInstanceId(), OffsetDateTime.now(), null, 0, null));
  }

  private String recipient(DelegateExecution execution, Map<String, Object> values, Optional<Provider> provider) {
    return DelegateInputs.optional(values, "providerEmail")
        .or(() -> provider.map(Provider::email))
        .or(() -> Optional.ofNullable(properties.fallbackRecipient()).filter(address -> !address.isBlank()))
        .orElseThrow(() -> new IllegalStateException("No recipient for the mail of activity '"
            + execution.getCurrentActivityId() + "': set providerEmail, the provider's e-mail in the register, "
            + "or zorginkoop.mail.fallback-recipient"));
  }

  /** {@code <processInstanceId.activityId@domain>}: the same mail always has the same Message-ID. */
  private String messageId(IdempotencyKey key) {
    return "<" + key.value().replace(':', '.') + "@" + properties.messageIdDomain() + ">";
  }
}
