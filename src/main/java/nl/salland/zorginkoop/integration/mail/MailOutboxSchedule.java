package nl.salland.zorginkoop.integration.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox every {@code zorginkoop.mail.send-interval} when {@code zorginkoop.mail.scheduled-sending} is
 * on (postgres profile). Off in the default profile, which has no SMTP server (see {@code /simulator/mail}), and in
 * tests, which send explicitly.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "zorginkoop.mail.scheduled-sending", havingValue = "true")
public class MailOutboxSchedule {

  private final MailOutboxSender sender;

  public MailOutboxSchedule(MailOutboxSender sender) {
    this.sender = sender;
  }

  @Scheduled(fixedDelayString = "${zorginkoop.mail.send-interval}", initialDelayString = "${zorginkoop.mail.send-interval}")
  void sendOutbox() {
    sender.sendPending();
  }
}
