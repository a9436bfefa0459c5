package nl.salland.zorginkoop.integration.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What {@link MailStepInputs} does to deployed diagrams, and a mail from a step it changed. */
@ZorginkoopTest
class MailStepInputsTest {

  private static final String MAIL = "${providerMailDelegate}";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  MailOutbox outbox;

  private String deploymentId;

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aMailStepOfTheRoundKeepsItsInputsOnTheStepAndIsNoScopeOfItsOwn() {
    ActivityImpl reminder = latest("contractingRound").findActivity("Task_SendSignatureReminderDigital");

    assertThat(reminder.isScope()).isFalse();
    assertThat(reminder.getIoMapping()).isNull();
    assertThat(inputNames(reminder)).containsExactly("mailTemplate", "reminderSubject", "deadline");
  }

  @Test
  void stepsWhoseInputsCouldReadDifferentlyAreLeftToCamunda() {
    String key = deploy(Bpmn.createExecutableProcess(processKey()).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Task_MailWithOutput").camundaDelegateExpression(MAIL)
        .camundaInputParameter("mailTemplate", "reminder").camundaOutputParameter("mailed", "${true}")
        .serviceTask("Task_MailWithStartListener").camundaDelegateExpression(MAIL)
        .camundaExecutionListenerExpression("start", "${execution.setVariable('reminderSubject', 'x')}")
        .camundaInputParameter("mailTemplate", "reminder")
        .serviceTask("Task_MailForEach").camundaDelegateExpression(MAIL)
        .camundaInputParameter("mailTemplate", "reminder").multiInstance().cardinality("2").multiInstanceDone()
        .serviceTask("Task_PublishProposal").camundaDelegateExpression("${vecozoPublishProposalDelegate}")
        .camundaInputParameter("documentType", "PROPOSAL")
        .endEvent().done());
    ProcessDefinitionEntity definition = latest(key);

    for (String step : List.of("Task_MailWithOutput", "Task_MailWithStartListener", "Task_MailForEach",
        "Task_PublishProposal")) {
      ActivityImpl activity = definition.findActivity(step);
      assertThat(activity.getIoMapping()).as(step).isNotNull();
      assertThat(activity.getProperty(MailStepInputs.INPUTS_PROPERTY)).as(step).isNull();
    }
  }

  @Test
  void aStepWithoutAScopeMailsWhatItsInputsSayAndStoresNoVariableForThem() {
    String key = deploy(Bpmn.createExecutableProcess(processKey()).camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("Task_Remind").camundaDelegateExpression(MAIL).camundaAsyncBefore()
        .camundaInputParameter("mailTemplate", "reminder").camundaInputParameter("reminderSubject", "uw offerte")
        .camundaInputParameter("deadline", "${offerDueDate}")
        .userTask("Task_Done").endEvent().done());
    assertThat(latest(key).findActivity("Task_Remind").isScope()).isFalse();
    String agb = TestAgbCodes.next();
    ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("agbCode", agb,
        "sector", "GGZ", "contractYear", 2027, "providerEmail", "remind-" + agb + "@zorgaanbieder.example",
        "offerDueDate", "2026-09-30", "reminderSubject", "niet dit onderwerp"));

    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(pi.getId()).singleResult().getId());

    assertThat(pi).isWaitingAt("Task_Done");
    assertThat(outbox.find(pi.getId() + ":Task_Remind").orElseThrow().subject())
        .isEqualTo("Herinnering: uw offerte uiterlijk 30 september 2026");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn("mailTemplate", "deadline").count()).isZero();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), "reminderSubject")).isEqualTo("niet dit onderwerp");
  }

  private static String processKey() {
    return "mailStepInputs" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private String deploy(BpmnModelInstance model) {
    String key = model.getDefinitions().getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
        .iterator().next().getId();
    deploymentId = repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId();
    return key;
  }

  private ProcessDefinitionEntity latest(String key) {
    String id = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getId();
    return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(id);
  }

  @SuppressWarnings("unchecked")
  private static List<String> inputNames(ActivityImpl step) {
    return ((List<InputParameter>) step.getProperty(MailStepInputs.INPUTS_PROPERTY)).stream()
        .map(InputParameter::getName).toList();
  }
}
