package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class WlzProviderCategoryTest {

  @Autowired
  DecisionService decisions;

  private static Map<String, Object> category(String value) {
    return vars("providerCategory", value);
  }

  static Stream<DecisionCase> cases() {
    String w = WLZ + ":";
    return Stream.of(
        expect(w + "637 overeenkomst met dit zorgkantoor: bestaand", category("EXISTING"),
            "contractWithThisOffice", true, "contractWithOtherOffice", false),
        expect(w + "637 overeenkomst hier en elders: bestaand", category("EXISTING"),
            "contractWithThisOffice", true, "contractWithOtherOffice", true, "otherOfficeContractWholePreviousYear", false,
            "declaringSinceJanuaryFirst", false),
        expect(w + "638 elders het hele jaar en declareert vanaf 1-1: bestaand maar nieuw voor het zorgkantoor",
            category("EXISTING_NEW_TO_OFFICE"),
            "contractWithThisOffice", false, "contractWithOtherOffice", true, "otherOfficeContractWholePreviousYear", true,
            "declaringSinceJanuaryFirst", true),
        expect(w + "642 met geen enkel zorgkantoor een overeenkomst: nieuw", category("NEW"),
            "contractWithThisOffice", false, "contractWithOtherOffice", false),
        expect(w + "643 elders, maar niet het hele jaar: nieuw", category("NEW"),
            "contractWithThisOffice", false, "contractWithOtherOffice", true, "otherOfficeContractWholePreviousYear", false),
        expect(w + "643 elders het hele jaar, maar niet vanaf 1-1 gedeclareerd: nieuw", category("NEW"),
            "contractWithThisOffice", false, "contractWithOtherOffice", true, "otherOfficeContractWholePreviousYear", true,
            "declaringSinceJanuaryFirst", false),
        fails(w + "637 onbekend of er hier een overeenkomst is: fout die contractWithThisOffice noemt", "contractWithThisOffice",
            "contractWithOtherOffice", true),
        fails(w + "642 onbekend of er elders een overeenkomst is: fout die contractWithOtherOffice noemt", "contractWithOtherOffice",
            "contractWithThisOffice", false),
        fails(w + "643 looptijd elders onbekend: fout die otherOfficeContractWholePreviousYear noemt",
            "otherOfficeContractWholePreviousYear", "contractWithThisOffice", false, "contractWithOtherOffice", true),
        fails(w + "643 declaraties onbekend: fout die declaringSinceJanuaryFirst noemt", "declaringSinceJanuaryFirst",
            "contractWithThisOffice", false, "contractWithOtherOffice", true, "otherOfficeContractWholePreviousYear", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "wlzProviderCategory");
  }
}
