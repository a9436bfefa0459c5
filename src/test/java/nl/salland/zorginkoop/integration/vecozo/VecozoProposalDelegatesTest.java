package nl.salland.zorginkoop.integration.vecozo;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class VecozoProposalDelegatesTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;

  private final WireMockServer vecozo = RemoteStandIns.wireMock();
  private final String agb = TestAgbCodes.next();
  private DelegateTestProcess process;

  @AfterEach
  void cleanUp() {
    process.delete();
  }

  @Test
  void publishesTheProposalWithTheCaseAndWritesTheProposalId() {
    process = DelegateTestProcess.deploy(engine, "vecozoPublishProposalDelegate",
        Map.of("documentType", "QUESTIONNAIRE"));
    vecozo.stubFor(post(urlPathEqualTo("/vecozo/proposals"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(okJson("{\"proposalId\": \"VZ-" + agb + "\"}").withStatus(201)));

    String businessKey = agb + "-PARAMEDISCHE_ZORG-2027";
    ProcessInstance pi = process.start(businessKey, Map.of("agbCode", agb, "sector", "PARAMEDISCHE_ZORG",
        "contractYear", 2027));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    assertThat(runtime.getVariable(pi.getId(), "vecozoProposalId")).isEqualTo("VZ-" + agb);
    vecozo.verify(1, postRequestedFor(urlPathEqualTo("/vecozo/proposals"))
        .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi)))
        .withRequestBody(equalToJson("""
            {"agbCode": "%s", "sector": "PARAMEDISCHE_ZORG", "contractYear": 2027, "documentType": "QUESTIONNAIRE",
             "caseReference": "%s"}""".formatted(agb, businessKey))));
  }

  @Test
  void aRefusedPublicationIsVecozoRejected() {
    process = DelegateTestProcess.deploy(engine, "vecozoPublishProposalDelegate", Map.of());
    vecozo.stubFor(post(urlPathEqualTo("/vecozo/proposals"))
        .withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb)))
        .willReturn(aResponse().withStatus(422).withBody("Zorgaanbieder heeft geen VECOZO-certificaat")));

    ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("VECOZO_REJECTED");
    assertThat((String) runtime.getVariable(pi.getId(), "errorMessage")).contains("HTTP 422")
        .contains("geen VECOZO-certificaat");
    assertThat(runtime.getVariable(pi.getId(), "vecozoProposalId")).isNull();
  }

  @Test
  void withdrawsTheProposal() {
    process = DelegateTestProcess.deploy(engine, "vecozoWithdrawProposalDelegate", Map.of());
    String withdrawal = "/vecozo/proposals/VZ-" + agb + "/withdrawal";
    vecozo.stubFor(post(urlPathEqualTo(withdrawal)).willReturn(okJson("{\"status\": \"WITHDRAWN\"}")));

    ProcessInstance pi = process.start(null, Map.of("vecozoProposalId", "VZ-" + agb));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    vecozo.verify(1, postRequestedFor(urlPathEqualTo(withdrawal))
        .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi))));
  }

  @Test
  void aProposalThatCannotBeWithdrawnAnyMoreIsVecozoRejected() {
    process = DelegateTestProcess.deploy(engine, "vecozoWithdrawProposalDelegate", Map.of());
    vecozo.stubFor(post(urlPathEqualTo("/vecozo/proposals/VZ-" + agb + "/withdrawal"))
        .willReturn(aResponse().withStatus(409).withBody("Voorstel is al ondertekend")));

    ProcessInstance pi = process.start(null, Map.of("vecozoProposalId", "VZ-" + agb));
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.REJECTED);
    assertThat(runtime.getVariable(pi.getId(), "errorCode")).isEqualTo("VECOZO_REJECTED");
    assertThat((String) runtime.getVariable(pi.getId(), "errorMessage")).contains("al ondertekend");
  }
}
