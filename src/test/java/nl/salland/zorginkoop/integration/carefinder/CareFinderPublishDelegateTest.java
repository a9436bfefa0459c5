package nl.salland.zorginkoop.integration.carefinder;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class CareFinderPublishDelegateTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;

  private final WireMockServer careFinder = RemoteStandIns.wireMock();
  private final String agb = TestAgbCodes.next();
  private DelegateTestProcess process;

  @BeforeEach
  void deploy() {
    process = DelegateTestProcess.deploy(engine, "careFinderPublishDelegate", Map.of());
  }

  @AfterEach
  void cleanUp() {
    process.delete();
  }

  @Test
  void publishesTheContractedProviderAndWritesTheReference() {
    careFinder.stubFor(post(urlPathEqualTo("/carefinder/listings"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(okJson("{\"reference\": \"ZZ-" + agb + "\"}").withStatus(201)));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "HUISARTSENZORG",
        "contractYear", 2027L));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    assertThat(runtime.getVariable(pi.getId(), "careFinderReference")).isEqualTo("ZZ-" + agb);
    careFinder.verify(1, postRequestedFor(urlPathEqualTo("/carefinder/listings"))
        .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi)))
        .withRequestBody(equalToJson("""
            {"agbCode": "%s", "sector": "HUISARTSENZORG", "contractYear": 2027}""".formatted(agb))));
  }

  @Test
  void aRefusedListingIsCareFinderRejected() {
    careFinder.stubFor(post(urlPathEqualTo("/carefinder/listings"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(aResponse().withStatus(400).withBody("Onbekende sector")));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("CAREFINDER_REJECTED");
    assertThat((String) runtime.getVariable(pi.getId(), "errorMessage")).contains("Onbekende sector");
  }
}
