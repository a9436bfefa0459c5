package nl.salland.zorginkoop.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The Modeler element templates in {@code .camunda/element-templates/}: each names an existing delegate bean, makes
 * the step asynchronous, and works as a process owner would apply it (with its default inputs, against the
 * stand-ins' default answers). Every integration delegate has a template.
 */
@ZorginkoopTest
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  ApplicationContext context;
  @Autowired
  ProcessEngine engine;

  static Stream<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void namesAnExistingDelegateRunsAsynchronouslyAndIsInDutch(Path file) throws IOException {
    JsonNode template = JSON.readTree(file.toFile());

    assertThat(template.path("$schema").asText())
        .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
    assertThat(template.path("appliesTo").toString()).isEqualTo("[\"bpmn:ServiceTask\"]");
    assertThat(template.path("name").asText()).isNotBlank();
    assertThat(template.path("description").asText()).contains("asynchroon").contains("incident");
    String bean = delegateBean(template);
    assertThat(context.containsBean(bean)).as("bean %s of %s", bean, file).isTrue();
    assertThat(context.getBean(bean)).isInstanceOf(JavaDelegate.class);
    assertThat(bound(template, "camunda:asyncBefore")).as("asynchronous by default").contains("true");
    assertThat(properties(template).filter(p -> !"Hidden".equals(p.path("type").asText())))
        .allSatisfy(p -> assertThat(p.path("label").asText()).isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("templates")
  void runsWithItsDefaultInputs(Path file) throws IOException {
    JsonNode template = JSON.readTree(file.toFile());
    Map<String, String> inputs = new LinkedHashMap<>();
    properties(template)
        .filter(p -> "camunda:inputParameter".equals(p.path("binding").path("type").asText()))
        .filter(p -> !p.path("optional").asBoolean(false))
        .forEach(p -> inputs.put(p.path("binding").path("name").asText(), p.path("value").asText()));
    DelegateTestProcess process = DelegateTestProcess.deploy(engine, delegateBean(template), inputs);
    try {
      String agb = TestAgbCodes.next();
      ProcessInstance pi = process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
          "vecozoProposalId", "VZ-" + agb));
      process.executeJob(pi);

      assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    } finally {
      process.delete();
    }
  }

  @Test
  void everyIntegrationDelegateHasATemplate() throws IOException {
    List<String> templated = templates().map(file -> {
      try {
        return delegateBean(JSON.readTree(file.toFile()));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }).toList();

    List<String> delegates = Stream.of(context.getBeanNamesForType(JavaDelegate.class))
        .filter(name -> context.getType(name).getPackageName().startsWith("nl.salland.zorginkoop.integration"))
        .toList();
    assertThat(templated).containsExactlyInAnyOrderElementsOf(delegates);
  }

  private static String delegateBean(JsonNode template) {
    String expression = hidden(template, "camunda:delegateExpression").orElseThrow();
    assertThat(expression).matches("\\$\\{[A-Za-z]+}");
    return expression.substring(2, expression.length() - 1);
  }

  /** The value a template fixes for the property (a Hidden field). */
  private static Optional<String> hidden(JsonNode template, String property) {
    return boundTo(template, property).filter(p -> "Hidden".equals(p.path("type").asText()))
        .map(p -> p.path("value").asText()).findFirst();
  }

  /** The value a template gives the property, fixed (Hidden) or as the default of a field the modeler may change. */
  private static Optional<String> bound(JsonNode template, String property) {
    return boundTo(template, property).map(p -> p.path("value").asText()).findFirst();
  }

  /** The template's fields bound to the given element property (e.g. camunda:asyncBefore). */
  private static Stream<JsonNode> boundTo(JsonNode template, String property) {
    return properties(template)
        .filter(p -> "property".equals(p.path("binding").path("type").asText()))
        .filter(p -> property.equals(p.path("binding").path("name").asText()));
  }

  private static Stream<JsonNode> properties(JsonNode template) {
    return StreamSupport.stream(template.path("properties").spliterator(), false);
  }
}
