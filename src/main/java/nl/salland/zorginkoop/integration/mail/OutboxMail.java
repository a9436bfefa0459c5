package nl.salland.zorginkoop.integration.mail;

import java.time.OffsetDateTime;

/** A mail in the outbox; {@code sentAt} is empty until the SMTP server accepted it. */
public record OutboxMail(String idempotencyKey, String messageId, String template, String recipient, String subject,
    String body, String processInstanceId, OffsetDateTime createdAt, OffsetDateTime sentAt, int attempts,
    String lastError) {
}
