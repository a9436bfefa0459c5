package nl.salland.zorginkoop.integration.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With several nodes sending the one outbox, each mail is claimed by one node at a time. */
@ZorginkoopTest
class MailOutboxClaimTest {

  @Autowired
  MailOutbox outbox;

  @Test
  void onlyOneNodeClaimsAMailAndAFailureReleasesIt() {
    String key = "claim-test:" + UUID.randomUUID();
    outbox.addIfAbsent(new OutboxMail(key, "<" + key + "@test>", "reminder", "praktijk@example.org", "Onderwerp",
        "Tekst", null, OffsetDateTime.now(), null, 0, null));
    OffsetDateTime inFiveMinutes = OffsetDateTime.now().plusMinutes(5);

    assertThat(outbox.claim(key, inFiveMinutes)).isTrue();
    assertThat(outbox.claim(key, inFiveMinutes)).isFalse();
    outbox.markFailed(key, "server down");
    assertThat(outbox.claim(key, inFiveMinutes)).isTrue();
    outbox.markSent(key);
    assertThat(outbox.claim(key, inFiveMinutes.plusMinutes(10))).isFalse();
  }

  @Test
  void anExpiredClaimOfAVanishedNodeCanBeTakenOver() {
    String key = "claim-test:" + UUID.randomUUID();
    outbox.addIfAbsent(new OutboxMail(key, "<" + key + "@test>", "reminder", "praktijk@example.org", "Onderwerp",
        "Tekst", null, OffsetDateTime.now(), null, 0, null));

    assertThat(outbox.claim(key, OffsetDateTime.now().minusSeconds(1))).isTrue();
    assertThat(outbox.claim(key, OffsetDateTime.now().plusMinutes(5))).isTrue();
  }
}
