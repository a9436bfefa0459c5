package nl.salland.zorginkoop.integration.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.integration.DelegateTestProcess;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class ProviderMailDelegateTest {

  /** On the SMTP port that the shared context was given (RemoteStandIns); restarted for every test. */
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(
      new ServerSetup(RemoteStandIns.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired
  ProcessEngine engine;
  @Autowired
  ProviderRegister providers;
  @Autowired
  MailOutbox outbox;
  @Autowired
  MailOutboxSender sender;

  private final String agb = TestAgbCodes.next();
  private DelegateTestProcess process;

  @AfterEach
  void cleanUp() {
    DelegateTestProcess.FailOnceAfterTheStep.ARMED.set(false);
    process.delete();
  }

  @Test
  void mailsTheDecisionWithItsReasonToTheProviderInTheRegister() throws Exception {
    String address = "praktijk-" + agb + "@zorgaanbieder.example";
    providers.save(new Provider(new AgbCode(agb), "Logopedie Het Anker", null, "Zwolle", address));
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate", "decision",
        "decision", "afgewezen", "decisionReason", "de aanmelding kwam na 1 september binnen"));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG",
        "contractYear", 2027));
    process.executeJob(pi);
    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    sender.sendPending();

    MimeMessage mail = single(received(address));
    assertThat(mail.getSubject()).isEqualTo("Ons besluit: afgewezen (zorginkoop Paramedische zorg 2027)");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("zorginkoop@salland.example");
    assertThat(mail.getMessageID()).isEqualTo("<" + pi.getId() + "." + DelegateTestProcess.STEP
        + "@salland.example>");
    assertThat(GreenMailUtil.getBody(mail)).contains("Logopedie Het Anker (AGB-code " + agb + ")")
        .contains("Ons besluit: afgewezen.")
        .contains("De reden: de aanmelding kwam na 1 september binnen");
  }

  @Test
  void providerEmailOutranksTheRegisterAndTheFallbackIsUsedWithoutEither() throws Exception {
    String register = "register-" + agb + "@zorgaanbieder.example";
    String given = "contact-" + agb + "@zorgaanbieder.example";
    providers.save(new Provider(new AgbCode(agb), "Huisartsenpraktijk De Es", null, null, register));
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate", "confirmation"));

    ProcessInstance withAddress = process.start(null, Map.of("agbCode", agb, "sector", "HUISARTSENZORG",
        "contractYear", 2027, "providerEmail", given));
    process.executeJob(withAddress);
    String unknownAgb = TestAgbCodes.next();
    ProcessInstance unknownProvider = process.start(null, Map.of("agbCode", unknownAgb, "sector", "GGZ",
        "contractYear", 2027));
    process.executeJob(unknownProvider);

    assertThat(outbox.find(DelegateTestProcess.idempotencyKey(withAddress))).get()
        .extracting(OutboxMail::recipient).isEqualTo(given);
    OutboxMail fallback = outbox.find(DelegateTestProcess.idempotencyKey(unknownProvider)).orElseThrow();
    assertThat(fallback.recipient()).isEqualTo("zorginkoop-postbus@salland.example");
    assertThat(fallback.body()).contains("voor uw organisatie (AGB-code " + unknownAgb + ")")
        .contains("Geestelijke gezondheidszorg 2027");
  }

  @Test
  void aRetriedStepWritesItsMailOnceAndItIsDeliveredOnce() throws Exception {
    String address = "retry-" + agb + "@zorgaanbieder.example";
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate",
        "proposal-published"));
    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
        "providerEmail", address, "vecozoProposalId", "VZ-" + agb));
    DelegateTestProcess.FailOnceAfterTheStep.ARMED.set(true);

    assertThatThrownBy(() -> process.executeJob(pi)).hasMessageContaining("Simulated failure");
    process.executeJob(pi);
    sender.sendPending();
    sender.sendPending();

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    MimeMessage mail = single(received(address));
    assertThat(mail.getSubject()).isEqualTo("Uw contractvoorstel Geestelijke gezondheidszorg 2027 staat klaar in VECOZO");
    assertThat(GreenMailUtil.getBody(mail)).contains("onder kenmerk VZ-" + agb);
  }

  /** An operator who runs a finished step again (Cockpit: process instance modification) sends no second mail. */
  @Test
  void aStepRunAgainAfterItsMailWasCommittedKeepsTheFirstMail() {
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate", "reminder",
        "reminderSubject", "uw offerte", "deadline", "${offerDueDate}"));
    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
        "providerEmail", "again-" + agb + "@zorgaanbieder.example", "offerDueDate", "2026-09-30"));
    process.executeJob(pi);
    String key = DelegateTestProcess.idempotencyKey(pi);
    OutboxMail first = outbox.find(key).orElseThrow();

    engine.getRuntimeService().setVariable(pi.getId(), "offerDueDate", "2026-10-31");
    engine.getRuntimeService().createProcessInstanceModification(pi.getId())
        .startBeforeActivity(DelegateTestProcess.STEP).execute();
    process.executeJob(pi);

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
    assertThat(outbox.find(key)).contains(first);
  }

  @Test
  void aMailWaitsInTheOutboxWhileTheMailServerIsDownAndIsDeliveredOnceWhenItIsBack() throws Exception {
    String address = "outage-" + agb + "@zorgaanbieder.example";
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate", "reminder",
        "reminderSubject", "uw offerte", "deadline", "2026-09-30"));
    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "KORTDURENDE_ZORG",
        "contractYear", 2027, "providerEmail", address));
    process.executeJob(pi);
    String key = DelegateTestProcess.idempotencyKey(pi);

    smtp.stop();
    sender.sendPending();
    assertThat(outbox.find(key).orElseThrow().sentAt()).isNull();

    smtp.start();
    sender.sendPending();
    sender.sendPending();

    MimeMessage mail = single(received(address));
    assertThat(mail.getSubject()).isEqualTo("Herinnering: uw offerte uiterlijk 30 september 2026");
    assertThat(GreenMailUtil.getBody(mail)).contains("Kortdurende zorg (GRZ, ELV, GZSP) 2027");
    assertThat(outbox.find(key).orElseThrow().sentAt()).isNotNull();
  }

  /** The test step has an error boundary event, so it stays a scope; MailStepInputsTest has one that is not. */
  @Test
  void theStepsInputsAreEvaluatedWhenItRunsHideVariablesOfTheSameNameAndAreNotStored() {
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate", "reminder",
        "reminderSubject", "uw offerte", "deadline", "${offerDueDate}"));
    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
        "providerEmail", "inputs-" + agb + "@zorgaanbieder.example", "offerDueDate", "2026-09-30",
        "reminderSubject", "niet dit onderwerp"));

    process.executeJob(pi);

    assertThat(outbox.find(DelegateTestProcess.idempotencyKey(pi)).orElseThrow().subject())
        .isEqualTo("Herinnering: uw offerte uiterlijk 30 september 2026");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("mailTemplate", "deadline").count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "reminderSubject")).isEqualTo("niet dit onderwerp");
  }

  @Test
  void aTemplateWithoutTheValuesItNeedsFailsTheStepNamingThemAndWritesNoMail() {
    process = DelegateTestProcess.deploy(engine, "providerMailDelegate", Map.of("mailTemplate", "decision"));
    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027));

    assertThatThrownBy(() -> process.executeJob(pi))
        .hasMessageContaining("Mail template 'decision' needs decision, decisionReason");
    assertThat(outbox.find(DelegateTestProcess.idempotencyKey(pi))).isEmpty();
  }

  private static List<MimeMessage> received(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> isFor(mail, address)).toList();
  }

  private static boolean isFor(MimeMessage mail, String address) {
    try {
      return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage single(List<MimeMessage> mails) {
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }
}
