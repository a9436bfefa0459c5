package nl.salland.zorginkoop.integration.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Provider mail, {@code zorginkoop.mail.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (environment: SPRING_MAIL_HOST, SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD).
 *
 * @param from sender address; its domain also names our Message-IDs
 * @param fallbackRecipient where a mail goes when neither {@code providerEmail} nor the register knows the
 *     provider's address (empty: such a mail is an incident)
 * @param templateDir optional directory (empty: none) whose {@code <template>.txt} files replace the bundled {@code mail/} ones
 * @param scheduledSending whether the outbox is sent on a schedule (off where no SMTP server is reachable)
 * @param sendInterval pause between two rounds of sending the outbox
 */
@ConfigurationProperties("zorginkoop.mail")
public record MailProperties(String from, String fallbackRecipient, String templateDir, boolean scheduledSending,
    Duration sendInterval) {

  public MailProperties {
    if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalStateException("zorginkoop.mail.from must be an e-mail address, got '" + from + "'");
    }
  }

  String messageIdDomain() {
    return from.substring(from.indexOf('@') + 1);
  }
}
