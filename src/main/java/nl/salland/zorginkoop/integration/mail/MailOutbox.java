package nl.salland.zorginkoop.integration.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Mails waiting for or done with delivery ({@code zi_mail_outbox}), one per idempotency key. The process step adds
 * its mail in its own (the job's) transaction, so a mail exists exactly when the step completed; the
 * {@link MailOutboxSender} delivers it later, also when the SMTP server was down at the time.
 */
@Repository
public class MailOutbox {

  private static final String COLUMNS = "idempotency_key, message_id, template, recipient, subject, body, "
      + "process_instance_id, created_at, sent_at, attempts, last_error";
  private static final int MAX_ERROR = 1000;

  private final JdbcClient jdbc;

  public MailOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds the mail unless its idempotency key is in the outbox already (a step run again after its transaction
   * committed): one statement for both, as the mail step runs once per due reminder in a deadline storm.
   */
  public void addIfAbsent(OutboxMail mail) {
    jdbc.sql("INSERT INTO zi_mail_outbox (" + COLUMNS + ") SELECT :key, :messageId, :template, :recipient, "
            + ":subject, :body, :processInstanceId, :createdAt, NULL, 0, NULL "
            + "WHERE NOT EXISTS (SELECT 1 FROM zi_mail_outbox WHERE idempotency_key = :key)")
        .param("key", mail.idempotencyKey())
        .param("messageId", mail.messageId())
        .param("template", mail.template())
        .param("recipient", mail.recipient())
        .param("subject", mail.subject())
        .param("body", mail.body())
        .param("processInstanceId", mail.processInstanceId())
        .param("createdAt", mail.createdAt())
        .update();
  }

  public Optional<OutboxMail> find(String idempotencyKey) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_mail_outbox WHERE idempotency_key = :key")
        .param("key", idempotencyKey)
        .query(MailOutbox::map)
        .optional();
  }

  /** Unsent mails, those tried least often first, so that one undeliverable mail does not block the others. */
  List<OutboxMail> unsent(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_mail_outbox WHERE sent_at IS NULL "
            + "ORDER BY attempts, created_at FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit)
        .query(MailOutbox::map)
        .list();
  }

  /** The newest mails, for the simulator's view of the outbox. */
  List<OutboxMail> newest(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_mail_outbox ORDER BY created_at DESC FETCH FIRST :limit ROWS ONLY")
        .param("limit", limit)
        .query(MailOutbox::map)
        .list();
  }

  /**
   * Claims an unsent mail for this node until {@code until}; false when another node holds a live claim or it was
   * sent meanwhile. One conditional update, so of two nodes at most one wins.
   */
  boolean claim(String idempotencyKey, OffsetDateTime until) {
    return jdbc.sql("""
            UPDATE zi_mail_outbox SET claimed_until = :until
            WHERE idempotency_key = :key AND sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < :now)""")
        .param("until", until)
        .param("key", idempotencyKey)
        .param("now", OffsetDateTime.now())
        .update() == 1;
  }

  void markSent(String idempotencyKey) {
    jdbc.sql("UPDATE zi_mail_outbox SET sent_at = :now, attempts = attempts + 1, last_error = NULL "
            + "WHERE idempotency_key = :key")
        .param("now", OffsetDateTime.now())
        .param("key", idempotencyKey)
        .update();
  }

  void markFailed(String idempotencyKey, String error) {
    String shortError = error == null ? "unknown" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    // Releases the claim: the next round, on any node, tries again.
    jdbc.sql("UPDATE zi_mail_outbox SET attempts = attempts + 1, last_error = :error, claimed_until = NULL "
            + "WHERE idempotency_key = :key")
        .param("error", shortError)
        .param("key", idempotencyKey)
        .update();
  }

  private static OutboxMail map(ResultSet rs, int row) throws SQLException {
    return new OutboxMail(rs.getString("idempotency_key"), rs.getString("message_id"), rs.getString("template"),
        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
        rs.getString("process_instance_id"), rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class), rs.getInt("attempts"), rs.getString("last_error"));
  }
}
