package nl.salland.zorginkoop.integration.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What {@link MailStepInputs} does to the deployed diagrams; the mails themselves: ProviderMailDelegateTest. */
@ZorginkoopTest
class MailStepInputsTest {

  @Autowired
  RepositoryService repository;

  @Test
  void aMailStepKeepsItsInputsOnTheStepAndIsNoScopeOfItsOwn() {
    ActivityImpl reminder = latestRound().findActivity("Task_SendSignatureReminderDigital");

    assertThat(reminder.isScope()).isFalse();
    assertThat(reminder.getIoMapping()).isNull();
    assertThat(inputNames(reminder)).containsExactly("mailTemplate", "reminderSubject", "deadline");
  }

  @Test
  void otherStepsKeepTheirInputsAndOutputsAsCamundaMapsThem() {
    ActivityImpl publish = latestRound().findActivity("Task_PublishProposal");

    assertThat(publish.isScope()).isTrue();
    assertThat(publish.getIoMapping().getInputParameters()).hasSize(1);
    assertThat(publish.getIoMapping().getOutputParameters()).hasSize(1);
  }

  private ProcessDefinitionEntity latestRound() {
    String id = repository.createProcessDefinitionQuery().processDefinitionKey("contractingRound").latestVersion()
        .singleResult().getId();
    return (ProcessDefinitionEntity) ((RepositoryServiceImpl) repository).getDeployedProcessDefinition(id);
  }

  @SuppressWarnings("unchecked")
  private static List<String> inputNames(ActivityImpl step) {
    return ((List<InputParameter>) step.getProperty(MailStepInputs.INPUTS)).stream().map(InputParameter::getName)
        .toList();
  }
}
