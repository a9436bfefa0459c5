package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class TreatmentIndexAssessmentTest {

  @Autowired
  DecisionService decisions;

  private static Map<String, Object> outcome(String value) {
    return vars("treatmentIndexOutcome", value);
  }

  static Stream<DecisionCase> cases() {
    String p493 = PARAMEDICAL + ":493";
    String p495 = PARAMEDICAL + ":495";
    return Stream.of(
        expect(p495 + " 30 unieke patiënten ('30 of minder'): geen index, ook niet bij 200", outcome("NO_INDEX_AVAILABLE"),
            "uniquePatients", 30, "treatmentIndex", 200),
        expect(p495 + " 0 unieke patiënten: geen index", outcome("NO_INDEX_AVAILABLE"),
            "uniquePatients", 0, "treatmentIndex", null),
        expect(p495 + " 31 unieke patiënten zonder gepubliceerde index: geen index", outcome("NO_INDEX_AVAILABLE"),
            "uniquePatients", 31, "treatmentIndex", null),
        expect(p495 + " niets bekend (nieuwe praktijk): geen index", outcome("NO_INDEX_AVAILABLE"),
            "uniquePatients", null, "treatmentIndex", null),
        expect(p495 + " variabelen afwezig: geen index", outcome("NO_INDEX_AVAILABLE")),
        expect(p493 + " 31 unieke patiënten, index 150 ('150 of hoger'): gesprek", outcome("DIALOGUE_REQUIRED"),
            "uniquePatients", 31, "treatmentIndex", 150),
        expect(p493 + " index 150.0 als decimaal getal: gesprek", outcome("DIALOGUE_REQUIRED"),
            "uniquePatients", 31, "treatmentIndex", 150.0),
        expect(p493 + " index 150.01: gesprek", outcome("DIALOGUE_REQUIRED"),
            "uniquePatients", 120, "treatmentIndex", 150.01),
        expect(p493 + " index 149.99: binnen de norm", outcome("WITHIN_NORM"),
            "uniquePatients", 31, "treatmentIndex", 149.99),
        expect(PARAMEDICAL + ":491 index 100: binnen de norm", outcome("WITHIN_NORM"),
            "uniquePatients", 500, "treatmentIndex", 100),
        expect(p495 + " 30 patiënten en index 149: geen index", outcome("NO_INDEX_AVAILABLE"),
            "uniquePatients", 30, "treatmentIndex", 149),
        fails(p495 + " index zonder aantal patiënten: fout die uniquePatients noemt", "uniquePatients",
            "uniquePatients", null, "treatmentIndex", 160),
        fails(p495 + " negatief aantal patiënten: fout die uniquePatients noemt", "uniquePatients",
            "uniquePatients", -1, "treatmentIndex", 100),
        fails(PARAMEDICAL + ":491 negatieve index: fout die treatmentIndex noemt", "treatmentIndex",
            "uniquePatients", 40, "treatmentIndex", -5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "treatmentIndexAssessment");
  }
}
