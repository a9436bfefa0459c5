package nl.salland.zorginkoop.integration.agb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.integration.DelegateTestProcess;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class AgbRegisterCheckDelegateTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;

  private final WireMockServer agbRegister = RemoteStandIns.wireMock();
  private DelegateTestProcess process;
  private String agb;

  @BeforeEach
  void deploy() {
    process = DelegateTestProcess.deploy(engine, "agbRegisterCheckDelegate", Map.of());
    agb = TestAgbCodes.next();
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-06-01T10:00:00+02:00[Europe/Amsterdam]")
        .toInstant()));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    process.delete();
  }

  @Test
  void writesTheRegistrationWithThePractitionersWorkingThereWhenTheDeclaredDataMatch() {
    agbRegister.stubFor(get(urlPathEqualTo("/agb/providers/" + agb)).willReturn(okJson(paramedicalPractice())));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "declaredName", "  fysiotherapie  de brink",
        "declaredKvkNumber", "12345678", "declaredCareType", "Fysiotherapie"));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    SpinJsonNode registration = (SpinJsonNode) runtime.getVariable(pi.getId(), "agbRegistration");
    assertThat(registration.prop("name").stringValue()).isEqualTo("Fysiotherapie De Brink");
    assertThat(registration.prop("municipality").stringValue()).isEqualTo("Deventer");
    assertThat(registration.prop("practitioners").elements()).hasSize(2)
        .extracting(p -> p.prop("name").stringValue()).containsExactly("A. Jansen", "B. de Vries");
    assertThat(registration.prop("practitioners").elements().get(0).prop("specialisations").elements())
        .extracting(SpinJsonNode::stringValue).containsExactly("MANUEEL", "SPORT");
    agbRegister.verify(getRequestedFor(urlPathEqualTo("/agb/providers/" + agb))
        .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi))));
  }

  @Test
  void aMismatchIsABusinessErrorNamingTheDifferingFieldsInDutch() {
    agbRegister.stubFor(get(urlPathEqualTo("/agb/providers/" + agb)).willReturn(okJson(paramedicalPractice())));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "declaredName", "Voetzorg Olst",
        "declaredKvkNumber", "87654321", "declaredCareType", "Fysiotherapie"));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("AGB_MISMATCH");
    String reason = (String) runtime.getVariable(pi.getId(), "agbMismatchReason");
    assertThat(reason).startsWith("Afwijkend van het AGB-register: ")
        .contains("naam (opgegeven: 'Voetzorg Olst', AGB-register: 'Fysiotherapie De Brink')")
        .contains("KvK-nummer (opgegeven: '87654321', AGB-register: '12345678')")
        .doesNotContain("zorgsoort");
    assertThat(runtime.getVariable(pi.getId(), "agbRegistration")).isNotNull();
  }

  @Test
  void anUnknownCodeIsAgbNotFound() {
    agbRegister.stubFor(get(urlPathEqualTo("/agb/providers/" + agb)).willReturn(aResponse().withStatus(404)));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("AGB_NOT_FOUND");
    assertThat((String) runtime.getVariable(pi.getId(), "errorMessage")).contains(agb);
  }

  @Test
  void anotherRefusalIsAgbRejectedWithTheRegistersAnswer() {
    agbRegister.stubFor(get(urlPathEqualTo("/agb/providers/" + agb)).willReturn(aResponse().withStatus(403)
        .withBody("{\"message\": \"Geen toegang tot dit register\"}")));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("AGB_REJECTED");
    assertThat((String) runtime.getVariable(pi.getId(), "errorMessage")).contains("HTTP 403")
        .contains("Geen toegang tot dit register");
  }

  private String paramedicalPractice() {
    return """
        {"agbCode": "%s", "name": "Fysiotherapie De Brink", "address": "Brink 12, 7411 BR Deventer",
         "municipality": "Deventer", "kvkNumber": "12345678", "careType": "Fysiotherapie",
         "practitioners": [
           {"agbCode": "04123451", "name": "A. Jansen", "discipline": "FYSIOTHERAPEUT",
            "werkzaamBijRelatie": {"from": "2015-03-01", "to": null}, "specialisations": ["MANUEEL", "SPORT"]},
           {"agbCode": "04123452", "name": "B. de Vries", "discipline": "FYSIOTHERAPEUT",
            "werkzaamBijRelatie": {"from": "2019-09-01"}, "specialisations": ["KINDER"]},
           {"agbCode": "04123454", "name": "D. Visser", "discipline": "FYSIOTHERAPEUT",
            "werkzaamBijRelatie": {"from": "2012-05-01", "to": "2023-12-31"}, "specialisations": ["OEDEEM"]},
           {"agbCode": "04123455", "name": "E. Smit", "discipline": "FYSIOTHERAPEUT",
            "werkzaamBijRelatie": {"from": "2026-09-01"}, "specialisations": []}
         ]}""".formatted(agb);
  }
}
