package nl.salland.zorginkoop.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Staff complete every task in Tasklist through a Camunda Form: every user task has its form, a due date and a
 * candidate group; every form parses; every field a form shows or asks for is a variable the process knows - one it
 * receives at its start, sets (expressions, mappings, decisions, delegates, earlier forms) or reads (conditions,
 * required variables, decision inputs, mail templates, later forms). A misspelt key fails here, not in Tasklist.
 */
class FormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)(?!\\s*\\()");
  private static final Pattern WRITTEN_NAME = Pattern.compile("setVariable(?:Local)?\\(\\s*'(\\w+)'");
  private static final Pattern READ_NAME = Pattern.compile("getVariable(?:Local)?\\(\\s*'(\\w+)'");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([a-zA-Z_]\\w*)");
  private static final Pattern MAIL_PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern MAIL_TEMPLATE_INPUT = Pattern.compile(
      "name=\"mailTemplate\">([\\w-]+)<");
  private static final Pattern ATTRIBUTE_VARIABLE = Pattern.compile(
      "camunda:(?:resultVariable|errorCodeVariable|errorMessageVariable|collection|elementVariable)=\"(\\w+)\"");
  private static final Pattern MAPPING = Pattern.compile(
      "<camunda:(?:out|in) (?:source=\"(\\w+)\" )?target=\"(\\w+)\"|<camunda:(?:input|output)Parameter name=\"(\\w+)\"");
  /** Required on completion, or recorded for the case file (shown in Cockpit) without steering the process. */
  private static final Pattern PROPERTY_LIST = Pattern.compile(
      "name=\"zorginkoop\\.(?:required|recorded)Variables\" value=\"([^\"]*)\"");
  private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"(\\w+)\"");

  /** Set by Java steps, which the diagram cannot show (docs/conventions.md, integration table; providerLookup). */
  private static final Set<String> SET_BY_JAVA = Set.of("providerName", "sectorLabel", "vecozoProposalId",
      "agbRegistration", "agbMismatchReason", "nzaSubmissionReference", "nzaReportReference", "careFinderReference",
      "signedAt", "outcome");
  /** Read by Java steps (docs/conventions.md, integration table; RecordContractDelegate). */
  private static final Set<String> READ_BY_JAVA = Set.of("contractForm", "contractType", "revenueCeiling",
      "contractStartDate", "contractEndDate", "providerEmail", "declaredName", "declaredKvkNumber",
      "declaredCareType", "documentType", "productionAgreement", "escalationSummary", "mailTemplate");
  /** Words of the expression language and engine objects, never variables. */
  private static final Set<String> NOT_VARIABLES = Set.of("execution", "task", "true", "false", "null", "empty",
      "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "authenticatedUserId");

  static Stream<Path> diagrams() throws IOException {
    return DiagramInterchangeTest.bpmnFiles();
  }

  static Stream<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn", "forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFormParsesWithItsIdAndLabelledFields(Path form) throws IOException {
    JsonNode schema = JSON.readTree(form.toFile());
    assertThat(schema.path("id").asText()).isEqualTo(form.getFileName().toString().replace(".form", ""));
    assertThat(schema.path("components").isArray()).isTrue();
    for (JsonNode field : fields(schema)) {
      assertThat(field.path("label").asText()).as(form + ": field " + field.path("key").asText()).isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyUserTaskHasAFormADueDateAndACandidateGroup(Path diagram) {
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      assertThat(formRef).as(task.getId() + " has a Camunda Form").isNotNull();
      assertThat(Path.of("bpmn", "forms", formRef + ".form")).as(task.getId() + " form file").exists();
      assertThat(task.getCamundaDueDate()).as(task.getId() + " due date").isNotBlank();
      assertThat(task.getCamundaCandidateGroups()).as(task.getId() + " candidate group").isNotBlank();
    }
  }

  @ParameterizedTest
  @MethodSource("diagrams")
  void everyFieldOfItsFormsIsAVariableTheProcessKnows(Path diagram) throws IOException {
    String xml = Files.readString(diagram);
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    List<JsonNode> forms = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      forms.add(JSON.readTree(Path.of("bpmn", "forms",
          task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef") + ".form").toFile()));
    }

    Set<String> known = new HashSet<>(SET_BY_JAVA);
    Set<String> read = new HashSet<>(READ_BY_JAVA);
    Matcher expression = EXPRESSION.matcher(xml);
    while (expression.find()) {
      String body = expression.group(1).replaceAll("'[^']*'", "''");
      addAll(IDENTIFIER.matcher(body), 1, read);
      addAll(WRITTEN_NAME.matcher(expression.group(1)), 1, known);
      addAll(READ_NAME.matcher(expression.group(1)), 1, read);
    }
    addAll(ATTRIBUTE_VARIABLE.matcher(xml), 1, known);
    Matcher mapping = MAPPING.matcher(xml);
    while (mapping.find()) {
      for (int group = 1; group <= 3; group++) {
        if (mapping.group(group) != null) {
          known.add(mapping.group(group));
        }
      }
    }
    Matcher properties = PROPERTY_LIST.matcher(xml);
    while (properties.find()) {
      for (String name : properties.group(1).split(",")) {
        read.add(name.trim());
      }
    }
    Matcher decision = DECISION_REF.matcher(xml);
    while (decision.find()) {
      read.addAll(decisionInputs(decision.group(1)));
    }
    Matcher mail = MAIL_TEMPLATE_INPUT.matcher(xml);
    while (mail.find()) {
      addAll(MAIL_PLACEHOLDER.matcher(Files.readString(Path.of("mail", mail.group(1) + ".txt"))), 1, read);
    }
    for (JsonNode form : forms) {
      for (JsonNode field : fields(form)) {
        known.add(field.path("key").asText());
      }
      addAll(TEMPLATE.matcher(form.toString()), 1, read);
    }
    read.removeAll(NOT_VARIABLES);
    known.addAll(read.stream().filter(name -> xml.contains("name=\"" + name + "\"")).toList());

    List<String> problems = new ArrayList<>();
    for (JsonNode form : forms) {
      String id = form.path("id").asText();
      for (JsonNode field : fields(form)) {
        String key = field.path("key").asText();
        if (!read.contains(key)) {
          problems.add(id + ": field '" + key + "' is asked for but the process never uses it");
        }
      }
      Matcher template = TEMPLATE.matcher(form.toString());
      while (template.find()) {
        if (!known.contains(template.group(1)) && !read.contains(template.group(1))) {
          problems.add(id + ": shows {{" + template.group(1) + "}}, which the process never has");
        }
      }
    }
    assertThat(problems).as(diagram.toString()).isEmpty();
  }

  @Test
  void everyFormIsUsedByADiagram() throws IOException {
    String diagrams = String.join("\n", diagrams().map(FormsTest::read).toList());
    assertThat(forms().map(f -> f.getFileName().toString().replace(".form", "")))
        .allSatisfy(id -> assertThat(diagrams).contains("camunda:formRef=\"" + id + "\""));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> decisionInputs(String decisionKey) throws IOException {
    Set<String> inputs = new HashSet<>();
    try (Stream<Path> files = Files.list(Path.of("dmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
        for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
          if (decision.getId().equals(decisionKey)) {
            for (Input input : decision.getModelInstance().getModelElementsByType(Input.class)) {
              addAll(IDENTIFIER.matcher(input.getInputExpression().getText().getTextContent()), 1, inputs);
            }
          }
        }
      }
    }
    return inputs;
  }

  /** The input fields of a form, also inside groups. */
  private static List<JsonNode> fields(JsonNode schema) {
    List<JsonNode> fields = new ArrayList<>();
    for (JsonNode component : schema.path("components")) {
      if (component.has("key")) {
        fields.add(component);
      }
      fields.addAll(fields(component));
    }
    return fields;
  }

  private static void addAll(Matcher matcher, int group, Set<String> into) {
    while (matcher.find()) {
      into.add(matcher.group(group));
    }
  }
}
