package nl.salland.zorginkoop.integration.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.salland.zorginkoop.integration.mail.MailTemplates.RenderedMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplatesTest {

  private static final Map<String, Object> CASE = Map.of("agbCode", "04056789", "sector", "PARAMEDISCHE_ZORG",
      "sectorLabel", "Paramedische zorg", "contractYear", 2027, "providerName", "Fysiotherapie De Brink",
      "vecozoProposalId", "VZ-000001", "signedAt", "2026-11-10T14:30:00+01:00", "reminderSubject", "uw offerte",
      "deadline", "2026-09-30", "decision", "afgewezen");

  private final MailTemplates bundled = new MailTemplates(properties(null));

  @ParameterizedTest
  @ValueSource(strings = {"confirmation", "reminder", "decision", "proposal-published", "proposal-expired",
      "contract-signed", "invitation"})
  void everyBundledTemplateRendersADutchMailAboutTheCase(String template) {
    Map<String, Object> values = new HashMap<>(CASE);
    values.put("decisionReason", "de aanmelding was niet compleet");

    RenderedMail mail = bundled.render(template, values);

    assertThat(mail.subject()).isNotBlank().doesNotContain("${");
    assertThat(mail.body()).startsWith("Geachte heer, mevrouw,").contains("AGB-code 04056789")
        .contains("Afdeling Zorginkoop").doesNotContain("${");
  }

  @Test
  void writesDatesAsADutchReaderDoes() {
    Map<String, Object> values = new HashMap<>(CASE);

    assertThat(bundled.render("reminder", values).subject())
        .isEqualTo("Herinnering: uw offerte uiterlijk 30 september 2026");
    values.put("deadline", java.util.Date.from(java.time.OffsetDateTime.parse("2026-11-10T14:30:00+01:00").toInstant()));
    assertThat(bundled.render("reminder", values).body()).contains("uiterlijk 10 november 2026 om 14:30");
  }

  @Test
  void namesEveryMissingValue() {
    assertThatThrownBy(() -> bundled.render("decision", Map.of("agbCode", "04056789")))
        .hasMessage("Mail template 'decision' needs contractYear, decision, decisionReason, providerName, "
            + "sectorLabel, which the process does not have");
  }

  @Test
  void aTemplateInTheOverrideDirectoryReplacesTheBundledOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("confirmation.txt"), "Onderwerp: Ontvangen, ${providerName}\n\nDank u wel.\n");
    MailTemplates edited = new MailTemplates(properties(dir.toString()));

    RenderedMail mail = edited.render("confirmation", CASE);

    assertThat(mail.subject()).isEqualTo("Ontvangen, Fysiotherapie De Brink");
    assertThat(mail.body()).isEqualTo("Dank u wel.\n");
    assertThat(edited.render("reminder", CASE).subject()).startsWith("Herinnering:");
  }

  @Test
  void anEditInTheOverrideDirectoryAppliesAtOnceAlsoAfterTheBundledTemplateWasUsed(@TempDir Path dir)
      throws Exception {
    MailTemplates edited = new MailTemplates(properties(dir.toString()));
    assertThat(edited.render("confirmation", CASE).subject()).doesNotContain("Ontvangen");

    Files.writeString(dir.resolve("confirmation.txt"), "Onderwerp: Ontvangen\n\nDank u wel.\n");
    assertThat(edited.render("confirmation", CASE).subject()).isEqualTo("Ontvangen");

    Files.writeString(dir.resolve("confirmation.txt"), "Onderwerp: Ontvangen, ${providerName}\n\nDank u wel.\n");
    assertThat(edited.render("confirmation", CASE).subject()).isEqualTo("Ontvangen, Fysiotherapie De Brink");
  }

  @Test
  void writesAsItIsAValueThatOnlyStartsLikeADate() {
    assertThat(MailTemplates.shown("2026-09-30, na overleg")).isEqualTo("2026-09-30, na overleg");
    assertThat(MailTemplates.shown("2026")).isEqualTo("2026");
    assertThat(MailTemplates.shown("2026-09-30")).isEqualTo("30 september 2026");
  }

  @Test
  void refusesAnUnknownTemplateAndANameThatIsNoPlainName() {
    assertThatThrownBy(() -> bundled.render("onbekend", CASE)).hasMessageContaining("No mail template 'onbekend'");
    assertThatThrownBy(() -> bundled.render("../application", CASE)).hasMessageContaining("Not a mail template name");
  }

  private static MailProperties properties(String templateDir) {
    return new MailProperties("zorginkoop@salland.example", null, templateDir, false, Duration.ofSeconds(30));
  }
}
