package nl.salland.zorginkoop.integration.mail;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.stream.Collectors;
import nl.salland.zorginkoop.integration.SimulatorEnabled;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The default profile has no SMTP server: {@code /simulator/mail} shows the outbox instead, so a demo user reads
 * the mails that the processes wrote to providers.
 */
@RestController
@SimulatorEnabled
public class MailOutboxPage {

  private static final int SHOWN = 50;

  private final MailOutbox outbox;

  public MailOutboxPage(MailOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping(path = "/simulator/mail", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    String mails = outbox.newest(SHOWN).stream()
        .map(mail -> """
            <article><h2>%s</h2><p>Aan: %s &middot; %s &middot; %s</p><pre>%s</pre></article>"""
            .formatted(htmlEscape(mail.subject()), htmlEscape(mail.recipient()), mail.createdAt(),
                mail.sentAt() == null ? "nog niet verzonden" : "verzonden " + mail.sentAt(),
                htmlEscape(mail.body())))
        .collect(Collectors.joining("\n"));
    return """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><title>Uitgaande mail (simulator)</title>
        <style>body{font-family:sans-serif;margin:2em}article{border-bottom:1px solid #ccc}</style></head><body>
        <h1>Uitgaande mail aan zorgaanbieders</h1>
        <p>De nieuwste %d mails uit de outbox. In dit profiel is er geen mailserver; met
        zorginkoop.mail.scheduled-sending=true en spring.mail.host worden ze verzonden.</p>
        %s
        </body></html>
        """.formatted(SHOWN, mails.isEmpty() ? "<p>Nog geen mail.</p>" : mails);
  }
}
