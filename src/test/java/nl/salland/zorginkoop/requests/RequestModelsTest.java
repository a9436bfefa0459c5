package nl.salland.zorginkoop.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.salland.zorginkoop.integration.mail.MailProperties;
import nl.salland.zorginkoop.integration.mail.MailTemplates;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five request processes as process owners see them: every user task has a candidate group, a due date, and a
 * Camunda Form (formRef, binding latest) that asks for everything the task requires; every end sets an outcome that
 * bpmn/README.md lists; every mail template a process names exists and renders without a hole.
 */
class RequestModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OUTCOME = Pattern.compile("setVariable\\('outcome', '([A-Z_]+)'\\)");

  static Stream<String> processes() {
    return Stream.of("ceiling-overrun-request", "hardship-clause-request", "treatment-index-review",
        "contract-upgrade-request", "transition-budget-application");
  }

  private static BpmnModelInstance model(String file) {
    return Bpmn.readModelFromFile(Path.of("bpmn", file + ".bpmn").toFile());
  }

  private static Map<String, String> properties(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    if (element.getExtensionElements() != null) {
      element.getExtensionElements().getElementsQuery().filterByType(
              org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
          .forEach(p -> p.getCamundaProperties().forEach(
              (CamundaProperty property) -> properties.put(property.getCamundaName(), property.getCamundaValue())));
    }
    return properties;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyUserTaskHasAGroupADueDateAndAFormAskingForWhatItRequires(String file) throws IOException {
    List<String> problems = new ArrayList<>();
    Process process = model(file).getModelElementsByType(Process.class).iterator().next();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotNull();
    assertThat(properties(process)).containsKey("zorginkoop.requiredVariables").containsKey("zorginkoop.allowedSectors");
    for (UserTask task : model(file).getModelElementsByType(UserTask.class)) {
      String id = task.getId();
      if (task.getCamundaCandidateGroups() == null || task.getCamundaDueDate() == null) {
        problems.add(id + " needs a candidate group and a due date");
      }
      if (!"latest".equals(task.getCamundaFormRefBinding())) {
        problems.add(id + " needs camunda:formRefBinding latest");
      }
      Path formFile = Path.of("bpmn", "forms", task.getCamundaFormRef() + ".form");
      if (!Files.exists(formFile)) {
        problems.add(id + ": no form " + formFile);
        continue;
      }
      JsonNode form = JSON.readTree(formFile.toFile());
      if (!task.getCamundaFormRef().equals(form.path("id").asText())) {
        problems.add(formFile + " has id " + form.path("id").asText());
      }
      Map<String, JsonNode> fields = new HashMap<>();
      form.path("components").forEach(c -> {
        if (c.has("key")) {
          fields.put(c.path("key").asText(), c);
        }
      });
      String required = properties(task).getOrDefault("zorginkoop.requiredVariables", "");
      for (String name : required.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        JsonNode field = fields.get(name.trim());
        if (field == null) {
          problems.add(id + " requires " + name + " but form " + formFile + " does not ask for it");
        } else if (!"checkbox".equals(field.path("type").asText())
            && !field.path("validate").path("required").asBoolean(false)) {
          problems.add(formFile + ": field " + name + " must be required");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyEndSetsAnOutcomeThatTheReadmeLists(String file) throws IOException {
    String readme = Files.readString(Path.of("bpmn", "README.md"), StandardCharsets.UTF_8);
    for (EndEvent end : model(file).getModelElementsByType(EndEvent.class)) {
      String outcome = end.getExtensionElements() == null ? null : end.getExtensionElements().getElementsQuery()
          .filterByType(CamundaExecutionListener.class).list().stream()
          .map(CamundaExecutionListener::getCamundaExpression)
          .map(OUTCOME::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
      assertThat(outcome).as(end.getId() + " sets an outcome").isNotNull();
      assertThat(readme).as("bpmn/README.md lists " + outcome).contains("`" + outcome + "`");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyMailTemplateExistsAndIsListed(String file) throws IOException {
    String readme = Files.readString(Path.of("mail", "README.md"), StandardCharsets.UTF_8);
    for (ServiceTask task : model(file).getModelElementsByType(ServiceTask.class)) {
      if (!"${providerMailDelegate}".equals(task.getCamundaDelegateExpression())) {
        continue;
      }
      String template = task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).singleResult()
          .getCamundaInputParameters().stream().filter(p -> "mailTemplate".equals(p.getCamundaName()))
          .map(CamundaInputParameter::getTextContent).findFirst().orElseThrow();
      assertThat(Path.of("mail", template + ".txt")).as(task.getId()).exists();
      assertThat(readme).contains("`" + template + "`");
    }
  }

  static Stream<String> templates() {
    return Stream.of("request-received", "ceiling-raised", "ceiling-not-raised", "hardship-granted",
        "hardship-claw-back", "treatment-index-explanation-request", "treatment-index-result",
        "improvement-trajectory-agreed", "contract-upgraded", "transition-budget-granted",
        "transition-budget-exhausted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void everyRequestMailRendersInDutchWithoutAHole(String template) {
    Map<String, Object> values = new HashMap<>();
    Stream.of("requestSubject", "nextStep", "newCeilingText", "decisionReason", "continuityNotice",
        "clawBackAmountText", "recheckNotes", "treatmentIndex", "resultSummary", "trajectoryGoals",
        "grantedAmountText", "remainingText", "themeLabel").forEach(name -> values.put(name, "tekst"));
    values.putAll(Map.of("agbCode", "04056789", "sectorLabel", "Wlz gehandicaptenzorg", "contractYear", 2027,
        "providerName", "Zorggroep De Linde", "hardshipValidUntilDate", "2027-12-31",
        "explanationDue", "2028-04-03", "trajectoryEndDate", "2028-09-30", "weighedInContractYear", 2029,
        "upgradeEffectiveDate", "2028-01-01", "registeredContractEndDate", "2028-12-31"));
    var mail = new MailTemplates(new MailProperties("zorginkoop@salland.example", null, null, false,
        Duration.ofSeconds(30))).render(template, values);

    assertThat(mail.subject()).isNotBlank().doesNotContain("${");
    assertThat(mail.body()).startsWith("Geachte heer, mevrouw,").contains("AGB-code 04056789")
        .contains("Afdeling Zorginkoop").doesNotContain("${");
  }
}
