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
class WlzContractDurationTest {

  @Autowired
  DecisionService decisions;

  private static final Map<String, Object> MULTI = vars("contractDuration", "MULTI_YEAR");
  private static final Map<String, Object> ONE = vars("contractDuration", "ONE_YEAR");

  static Stream<DecisionCase> cases() {
    String w = WLZ + ":";
    return Stream.of(
        expect(w + "653 bestaand, hele jaar, € 100.000 ('€100.000 of meer'): meerjarig", MULTI,
            "providerCategory", "EXISTING", "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", 100000),
        expect(w + "653 bestaand, hele jaar, € 100.000,00 als decimaal getal: meerjarig", MULTI,
            "providerCategory", "EXISTING", "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", 100000.00),
        expect(w + "658 bestaand, hele jaar, € 99.999,99 ('onder een omzetgrens van € 100.000'): eenjarig", ONE,
            "providerCategory", "EXISTING", "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", 99999.99),
        expect(w + "657 bestaand, deel van het jaar, € 2 miljoen: eenjarig", ONE,
            "providerCategory", "EXISTING", "contractedWholePreviousYear", false, "wlzRevenuePreviousYear", 2000000),
        expect(w + "657 bestaand, deel van het jaar, omzet onbekend: eenjarig", ONE,
            "providerCategory", "EXISTING", "contractedWholePreviousYear", false),
        expect(w + "658 onder € 100.000, looptijd onbekend: eenjarig", ONE,
            "providerCategory", "EXISTING", "wlzRevenuePreviousYear", 50000),
        expect(w + "659 bestaand maar nieuw voor het zorgkantoor: eenjarig", ONE,
            "providerCategory", "EXISTING_NEW_TO_OFFICE", "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", 900000),
        expect(w + "660 nieuwe zorgaanbieder: eenjarig", ONE, "providerCategory", "NEW"),
        fails(w + "653 hele jaar onbekend bij € 100.000: fout die contractedWholePreviousYear noemt", "contractedWholePreviousYear",
            "providerCategory", "EXISTING", "wlzRevenuePreviousYear", 100000),
        fails(w + "653 omzet onbekend bij een heel jaar: fout die wlzRevenuePreviousYear noemt", "wlzRevenuePreviousYear",
            "providerCategory", "EXISTING", "contractedWholePreviousYear", true),
        fails(w + "653 negatieve omzet: fout die wlzRevenuePreviousYear noemt", "wlzRevenuePreviousYear",
            "providerCategory", "EXISTING", "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", -1),
        fails(w + "631-645 categorie onbekend: fout die providerCategory noemt", "providerCategory",
            "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", 100000),
        fails(w + "631-645 categorie BESTAAND bestaat niet: fout die providerCategory noemt", "providerCategory",
            "providerCategory", "BESTAAND"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "wlzContractDuration");
  }
}
