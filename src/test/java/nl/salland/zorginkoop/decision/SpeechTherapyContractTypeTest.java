package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;

import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class SpeechTherapyContractTypeTest {

  @Autowired
  DecisionService decisions;

  static Stream<DecisionCase> cases() {
    String p = PARAMEDICAL + ":";
    return Stream.of(
        expect(p + "521 basiseisen en geldig certificaat Kwaliteitstoets/Kwaliteitscyclus: A", vars("contractType", "A"),
            "meetsBaseRequirements", true, "hasQualityCertificate", true),
        expect(p + "519 alleen de basiseisen: B", vars("contractType", "B"),
            "meetsBaseRequirements", true, "hasQualityCertificate", false),
        expect(p + "519 basiseisen niet vervuld, wel certificaat: geen overeenkomst", vars("contractType", "NONE"),
            "meetsBaseRequirements", false, "hasQualityCertificate", true),
        expect(p + "519 basiseisen niet vervuld, certificaat onbekend: geen overeenkomst", vars("contractType", "NONE"),
            "meetsBaseRequirements", false, "hasQualityCertificate", null),
        fails(p + "519 basiseisen onbekend: fout die meetsBaseRequirements noemt", "meetsBaseRequirements",
            "meetsBaseRequirements", null, "hasQualityCertificate", true),
        fails(p + "521 certificaat onbekend: fout die hasQualityCertificate noemt", "hasQualityCertificate",
            "meetsBaseRequirements", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "speechTherapyContractType");
  }
}
