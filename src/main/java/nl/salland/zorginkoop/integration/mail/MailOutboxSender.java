package nl.salland.zorginkoop.integration.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. Each mail carries a Message-ID derived from its idempotency key: should the SMTP server
 * accept a mail but marking it sent fail, the mail goes out once more with the same Message-ID, which mail systems
 * recognise as the same message. A round stops at the first failure (usually: the server is down) and is tried
 * again in the next round; nothing is lost. With several nodes, each mail is claimed by one node before it is sent.
 */
@Component
public class MailOutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(MailOutboxSender.class);
  private static final int BATCH = 50;
  /** How long a node may take to send a claimed mail before another node may try. */
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final MailOutbox outbox;
  private final JavaMailSender mailSender;
  private final MailProperties properties;

  public MailOutboxSender(MailOutbox outbox, JavaMailSender mailSender, MailProperties properties) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.properties = properties;
  }

  /** Sends every unsent mail, until the outbox is empty or a mail fails; returns how many were sent. */
  public synchronized int sendPending() {
    int sent = 0;
    List<OutboxMail> batch;
    do {
      batch = outbox.unsent(BATCH);
      for (OutboxMail mail : batch) {
        if (!outbox.claim(mail.idempotencyKey(), OffsetDateTime.now().plus(CLAIM))) {
          continue; // another node sends this one
        }
        try {
          mailSender.send(message(mail));
        } catch (MailException | MessagingException e) {
          outbox.markFailed(mail.idempotencyKey(), e.getMessage());
          LOG.warn("Mail {} to {} not sent yet, will try again: {}", mail.idempotencyKey(), mail.recipient(),
              e.getMessage());
          return sent;
        }
        outbox.markSent(mail.idempotencyKey());
        sent++;
      }
    } while (batch.size() == BATCH);
    return sent;
  }

  private MimeMessage message(OutboxMail mail) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.from());
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    // JavaMailSenderImpl keeps a Message-ID that is set before sending.
    message.setHeader("Message-ID", mail.messageId());
    return message;
  }
}
