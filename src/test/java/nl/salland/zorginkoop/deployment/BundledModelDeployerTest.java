package nl.salland.zorginkoop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.deployment.BundledModelDeployer.BundledFile;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A restart must never roll back what a process owner deployed from Camunda Modeler. Each test uses its own process
 * key, and runs the deployer as a restart would.
 */
@ZorginkoopTest
class BundledModelDeployerTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;

  private final BundledModelDeployer deployer = new BundledModelDeployer(false);

  @Test
  void anUnchangedBundledFileIsNotDeployedAgainOnRestart() {
    String key = uniqueKey();
    List<BundledFile> files = List.of(bpmn(key, "Versie 1"));
    deployer.deploy(engine, files);

    BundledModelDeployer.Outcome restart = deployer.deploy(engine, files);

    assertThat(restart.deployed()).isEmpty();
    assertThat(restart.unchanged()).containsExactly("bpmn/" + key + ".bpmn");
    assertThat(latest(key).getVersion()).isEqualTo(1);
  }

  @Test
  void aRestartKeepsTheVersionAProcessOwnerDeployedFromTheModeler() {
    String key = uniqueKey();
    deployer.deploy(engine, List.of(bpmn(key, "Versie 1")));
    deployFromModeler(key, "Versie van procesbeheer");

    deployer.deploy(engine, List.of(bpmn(key, "Versie 1")));

    assertThat(latest(key).getName()).isEqualTo("Versie van procesbeheer");
  }

  @Test
  void aChangedBundledFileDoesNotOverrideAModelerVersionUnlessAskedTo() {
    String key = uniqueKey();
    deployer.deploy(engine, List.of(bpmn(key, "Versie 1")));
    deployFromModeler(key, "Versie van procesbeheer");

    BundledModelDeployer.Outcome restart = deployer.deploy(engine, List.of(bpmn(key, "Versie 2 uit de release")));

    assertThat(restart.keptModelerVersion()).containsExactly("bpmn/" + key + ".bpmn");
    assertThat(latest(key).getName()).isEqualTo("Versie van procesbeheer");

    new BundledModelDeployer(true).deploy(engine, List.of(bpmn(key, "Versie 2 uit de release")));
    assertThat(latest(key).getName()).isEqualTo("Versie 2 uit de release");
  }

  @Test
  void aChangedBundledFileIsDeployedWhenNobodyElseDeployedIt() {
    String key = uniqueKey();
    deployer.deploy(engine, List.of(bpmn(key, "Versie 1")));

    BundledModelDeployer.Outcome restart = deployer.deploy(engine, List.of(bpmn(key, "Versie 2")));

    assertThat(restart.deployed()).containsExactly("bpmn/" + key + ".bpmn");
    assertThat(latest(key).getName()).isEqualTo("Versie 2");
    assertThat(latest(key).getVersion()).isEqualTo(2);
  }

  private void deployFromModeler(String key, String name) {
    repository.createDeployment().name("diagram").source("Camunda Modeler")
        .addString(key + ".bpmn", xml(key, name)).deploy();
  }

  private ProcessDefinition latest(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private static String uniqueKey() {
    return "deployerTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static BundledFile bpmn(String key, String name) {
    return new BundledFile("bpmn/" + key + ".bpmn", xml(key, name).getBytes(StandardCharsets.UTF_8));
  }

  private static String xml(String key, String name) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Start"/>
          </process>
        </definitions>
        """.formatted(key, name);
  }
}
