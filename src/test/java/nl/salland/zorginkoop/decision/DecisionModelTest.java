package nl.salland.zorginkoop.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision tables as process owners see them in Camunda Modeler: DMN 1.3 with a diagram shape, a history time to
 * live, Dutch names, and on every rule an annotation that cites the policy line it implements
 * ({@code 004_fbae119c7f6fc4e4.txt:651}); the cited lines exist in ../shared/seeds when that folder is there.
 */
class DecisionModelTest {

  static final Path DMN = Path.of("dmn");
  private static final Path SEEDS = Path.of("..", "shared", "seeds");
  private static final Pattern CITATION = Pattern.compile("(\\d{3}_[0-9a-f]{16}\\.txt):(\\d+)(?:-(\\d+))?");
  /** In FEEL, a unary-test list that starts with a boolean ({@code true, null}) matches every input. */
  private static final Pattern BOOLEAN_FIRST_LIST = Pattern.compile("^\\s*(true|false)\\s*,");
  private static final List<String> CONTRACT_DECISIONS = List.of("treatmentIndexAssessment",
      "physiotherapyContractType", "speechTherapyContractType", "shortTermCareEligibility", "wlzProviderCategory",
      "wlzContractDuration", "wlzTariffPercentage", "newProviderAdmission", "ceilingOverrunAdmissibility");

  static Stream<Path> dmnFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DMN)) {
      return files.filter(p -> p.toString().endsWith(".dmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void opensInTheModelerAndCitesThePolicyOnEveryRule(Path file) throws IOException {
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    assertThat(xml).contains("xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"");
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!xml.contains("dmnElementRef=\"" + decision.getId() + "\"")) {
        problems.add(decision.getId() + " has no DMNShape");
      }
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(decision.getId() + " has no camunda:historyTimeToLive");
      }
      if (decision.getName() == null || decision.getName().isBlank()) {
        problems.add(decision.getId() + " has no (Dutch) name");
      }
    }
    for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
      for (Rule rule : table.getRules()) {
        String description = rule.getDescription() == null ? "" : rule.getDescription().getTextContent();
        Matcher citation = CITATION.matcher(description);
        if (!citation.find()) {
          problems.add("rule " + rule.getId() + " cites no policy line: '" + description + "'");
        }
        citation.reset();
        while (citation.find()) {
          problems.addAll(checkCitation(citation));
        }
        for (InputEntry entry : rule.getInputEntries()) {
          if (BOOLEAN_FIRST_LIST.matcher(entry.getTextContent()).find()) {
            problems.add("rule " + rule.getId() + ": write 'null, true' instead of '" + entry.getTextContent()
                + "' (FEEL matches every input with a list that starts with a boolean)");
          }
        }
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  private static final Map<String, List<String>> SEED_LINES = new HashMap<>();

  private static List<String> checkCitation(Matcher citation) {
    Path seed = SEEDS.resolve(citation.group(1));
    if (!Files.isDirectory(SEEDS)) {
      return List.of();
    }
    List<String> lines = SEED_LINES.computeIfAbsent(citation.group(1), name -> {
      try {
        return Files.exists(seed) ? Files.readAllLines(seed, StandardCharsets.UTF_8) : List.of();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    int from = Integer.parseInt(citation.group(2));
    int to = citation.group(3) == null ? from : Integer.parseInt(citation.group(3));
    if (lines.isEmpty() || to > lines.size() || from > to || lines.get(from - 1).isBlank()) {
      return List.of("citation " + citation.group() + " does not point at a line of text in " + seed);
    }
    return List.of();
  }

  @Test
  void everyContractDecisionIsThereAndEveryDecisionIsListedInTheReadme() throws IOException {
    List<String> keys = new ArrayList<>();
    for (Path file : dmnFiles().toList()) {
      Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class).forEach(d -> keys.add(d.getId()));
    }
    assertThat(keys).containsAll(CONTRACT_DECISIONS).contains("contractingCalendar").doesNotHaveDuplicates();
    String readme = Files.readString(DMN.resolve("README.md"), StandardCharsets.UTF_8);
    assertThat(keys).allSatisfy(key -> assertThat(readme).contains("`" + key + "`"));
  }
}
