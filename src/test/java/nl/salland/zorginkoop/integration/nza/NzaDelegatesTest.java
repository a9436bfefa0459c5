package nl.salland.zorginkoop.integration.nza;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.integration.DelegateTestProcess;
import nl.salland.zorginkoop.integration.RemoteStandIns;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class NzaDelegatesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;

  private final WireMockServer nza = RemoteStandIns.wireMock();
  private final String agb = TestAgbCodes.next();
  private DelegateTestProcess process;

  @AfterEach
  void cleanUp() {
    process.delete();
  }

  @Test
  void submitsTheProductionAgreementAndWritesTheNzaReference() {
    process = DelegateTestProcess.deploy(engine, "nzaProductionAgreementDelegate", Map.of());
    nza.stubFor(post(urlPathEqualTo("/nza/production-agreements"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(okJson("{\"reference\": \"NZA-PA-" + agb + "\"}").withStatus(201)));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "contractYear", 2027, "productionAgreement",
        SpinValues.jsonValue("{\"clients\": 40, \"amount\": 1250000.50}").create()));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    assertThat(runtime.getVariable(pi.getId(), "nzaSubmissionReference")).isEqualTo("NZA-PA-" + agb);
    nza.verify(1, postRequestedFor(urlPathEqualTo("/nza/production-agreements"))
        .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi)))
        .withRequestBody(equalToJson("""
            {"agbCode": "%s", "contractYear": 2027,
             "productionAgreement": {"clients": 40, "amount": 1250000.50}}""".formatted(agb))));
  }

  @Test
  void filesTheReportAndWritesTheNzaReference() {
    process = DelegateTestProcess.deploy(engine, "nzaReportDelegate", Map.of());
    nza.stubFor(post(urlPathEqualTo("/nza/reports"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(okJson("{\"reference\": \"NZA-M-" + agb + "\"}").withStatus(201)));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "KORTDURENDE_ZORG",
        "contractYear", 2027, "escalationSummary", "Bestuurlijk overleg zonder resultaat"));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    assertThat(runtime.getVariable(pi.getId(), "nzaReportReference")).isEqualTo("NZA-M-" + agb);
    nza.verify(1, postRequestedFor(urlPathEqualTo("/nza/reports"))
        .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi)))
        .withRequestBody(equalToJson("""
            {"agbCode": "%s", "sector": "KORTDURENDE_ZORG", "contractYear": 2027,
             "escalationSummary": "Bestuurlijk overleg zonder resultaat"}""".formatted(agb))));
  }

  @Test
  void aRefusedSubmissionIsNzaRejected() {
    process = DelegateTestProcess.deploy(engine, "nzaProductionAgreementDelegate", Map.of());
    nza.stubFor(post(urlPathEqualTo("/nza/production-agreements"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(aResponse().withStatus(400).withBody("contractYear ontbreekt in de opgave")));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "contractYear", 2027));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("NZA_REJECTED");
    assertThat((String) runtime.getVariable(pi.getId(), "errorMessage")).contains("ontbreekt in de opgave");
  }

  @Test
  void aRefusedReportIsNzaRejected() {
    process = DelegateTestProcess.deploy(engine, "nzaReportDelegate", Map.of());
    nza.stubFor(post(urlPathEqualTo("/nza/reports"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(aResponse().withStatus(422)));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("NZA_REJECTED");
  }
}
