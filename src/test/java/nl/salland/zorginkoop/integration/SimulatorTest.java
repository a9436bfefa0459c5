package nl.salland.zorginkoop.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.integration.agb.AgbRegisterClient;
import nl.salland.zorginkoop.integration.agb.AgbRegistration;
import nl.salland.zorginkoop.integration.carefinder.CareFinderClient;
import nl.salland.zorginkoop.integration.nza.NzaClient;
import nl.salland.zorginkoop.integration.vecozo.VecozoClient;
import nl.salland.zorginkoop.integration.vecozo.VecozoClient.ProposalRequest;
import nl.salland.zorginkoop.integration.vecozo.VecozoDocumentType;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The built-in simulator of the default profile, driven by our own clients (the test profile points the delegates
 * at WireMock, so here the clients are built against {@code /simulator/**} of the running application).
 */
@ZorginkoopTest
class SimulatorTest {

  @LocalServerPort
  int port;
  @Autowired
  RemoteClients clients;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Value("${zorginkoop.simulator.vecozo-user}")
  String simulatorUser;

  private IntegrationProperties simulator;
  private final String agb = TestAgbCodes.next();

  @BeforeEach
  void pointAtTheSimulator() {
    simulator = new IntegrationProperties(remote("agb"), remote("vecozo"), remote("nza"), remote("carefinder"));
  }

  @Test
  void theAgbRegisterKnowsAPractitionersPracticeAMismatchingProviderAndNothingElse() {
    AgbRegisterClient register = new AgbRegisterClient(clients, simulator);

    AgbRegistration practice = register.lookUp(new AgbCode("04056789"), key()).orElseThrow();
    assertThat(practice.name()).isEqualTo("Fysiotherapie De Brink");
    assertThat(practice.practitioners()).hasSize(4).allSatisfy(p -> assertThat(p.werkzaamBijRelatie()).isNotNull());
    assertThat(register.lookUp(new AgbCode("04099999"), key()).orElseThrow().differencesFrom(
        Optional.of("Voetzorg Olst"), Optional.of("87654321"), Optional.empty()))
        .hasSize(2);
    assertThat(register.lookUp(new AgbCode(agb), key())).isEmpty();
  }

  @Test
  void vecozoPublishesOncePerKeyAndTheDemoUserSignsOnThePage() {
    VecozoClient vecozo = new VecozoClient(clients, simulator);
    ProposalRequest request = new ProposalRequest(agb, "GGZ", 2027, VecozoDocumentType.PROPOSAL,
        agb + "-GGZ-2027");
    IdempotencyKey key = key();
    String proposalId = vecozo.publish(request, key);
    assertThat(vecozo.publish(request, key)).isEqualTo(proposalId);
    assertThat(vecozo.publish(request, key())).isNotEqualTo(proposalId);
    TestUsers.ensure(identity, simulatorUser, Groups.SYSTEM_INTEGRATIONS);
    String deploymentId = deployWaitingForSignature();
    try {
      ProcessInstance pi = runtime.startProcessInstanceByKey(processKey, agb + "-GGZ-2027");
      assertThat(rest.getForObject("/simulator/vecozo", String.class)).contains(proposalId).contains("Tekenen");

      ResponseEntity<String> signed = rest.postForEntity("/simulator/vecozo/proposals/" + proposalId + "/signature",
          form(), String.class);

      // Redirected back to the page, which reports zorginkoop's answer.
      assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(signed.getBody()).contains("Tekenen " + proposalId + ": HTTP 200");
      assertThat(pi).isWaitingAt("Task_Signed");
      assertThat(rest.getForObject("/simulator/vecozo", String.class)).contains("SIGNED");
      assertThatThrownBy(() -> vecozo.withdraw(proposalId, key()))
          .isInstanceOf(RemoteRejectedException.class).hasMessageContaining("HTTP 409");
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void vecozoWithdrawsAPublishedProposalAndAgainWithoutComplaint() {
    VecozoClient vecozo = new VecozoClient(clients, simulator);
    String proposalId = vecozo.publish(new ProposalRequest(agb, "GGZ", 2027, VecozoDocumentType.PROPOSAL, null),
        key());

    vecozo.withdraw(proposalId, key());
    vecozo.withdraw(proposalId, key());

    assertThat(rest.getForObject("/simulator/vecozo", String.class)).contains(proposalId).contains("WITHDRAWN");
    assertThatThrownBy(() -> vecozo.withdraw("VZ-onbekend", key())).hasMessageContaining("HTTP 404");
  }

  @Test
  void theNzaAndTheCareFinderReceiveOncePerKey() {
    NzaClient nza = new NzaClient(clients, simulator);
    CareFinderClient careFinder = new CareFinderClient(clients, simulator);
    IdempotencyKey key = key();

    String agreement = nza.submit(new NzaClient.ProductionAgreement(agb, 2027, null), key);
    String report = nza.file(new NzaClient.Report(agb, "GGZ", 2027, TextNode.valueOf("geen akkoord")), key);
    String listing = careFinder.publish(new CareFinderClient.Listing(agb, "GGZ", 2027), key);

    assertThat(nza.submit(new NzaClient.ProductionAgreement(agb, 2027, null), key)).isEqualTo(agreement)
        .startsWith("NZA-PA-");
    assertThat(nza.file(new NzaClient.Report(agb, "GGZ", 2027, null), key)).isEqualTo(report).startsWith("NZA-M-");
    assertThat(careFinder.publish(new CareFinderClient.Listing(agb, "GGZ", 2027), key)).isEqualTo(listing)
        .startsWith("ZZ-");
    assertThat(rest.getForObject("/simulator/carefinder", List.class)).hasSizeGreaterThanOrEqualTo(1);
    assertThat(rest.getForObject("/simulator/nza", String.class)).contains(agreement).contains(report);
  }

  @Test
  void theOutboxPageShowsTheMailsWithoutLogin() {
    ResponseEntity<String> page = rest.getForEntity("/simulator/mail", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Uitgaande mail aan zorgaanbieders");
  }

  private String processKey;

  private String deployWaitingForSignature() {
    processKey = "simulatorTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return repository.createDeployment().addModelInstance(processKey + ".bpmn",
        Bpmn.createExecutableProcess(processKey).camundaHistoryTimeToLive(1).startEvent()
            .intermediateCatchEvent("Catch_Signature").message("ContractSigned")
            .userTask("Task_Signed").endEvent().done()).deploy().getId();
  }

  private RemoteSystem remote(String system) {
    return new RemoteSystem(URI.create("http://127.0.0.1:" + port + "/simulator/" + system), Duration.ofSeconds(2),
        Duration.ofSeconds(10));
  }

  private static IdempotencyKey key() {
    return new IdempotencyKey(UUID.randomUUID() + ":Task_Test");
  }

  private static HttpEntity<String> form() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return new HttpEntity<>("", headers);
  }
}
