package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The decisions of the request processes (issue 7), table-driven: hardshipClauseAdmissibility,
 * contractUpgradeAdmissibility, treatmentIndexFollowUp, transitionBudgetTotal and transitionBudgetAdmissibility. The
 * dates themselves are in the contracting calendar; the processes pass whether a request met them.
 */
@ZorginkoopTest
class RequestDecisionsTest {

  @Autowired
  DecisionService decisions;

  private static Map<String, Object> admissibility(String value) {
    return vars("admissibility", value);
  }

  static Stream<DecisionCase> hardshipClauseAdmissibility() {
    String w547 = WLZ + ":547";
    return Stream.of(
        expect(w547 + " na de bekendmaking en uiterlijk 24 september: in behandeling", admissibility("ADMISSIBLE"),
            "requestAfterTariffsPublished", true, "requestOnTime", true),
        expect(w547 + " vóór de bekendmaking: aangehouden, niet afgewezen (AMB-17)", admissibility("PREMATURE"),
            "requestAfterTariffsPublished", false, "requestOnTime", true),
        expect(w547 + " na 24 september: te laat", admissibility("TOO_LATE"),
            "requestAfterTariffsPublished", true, "requestOnTime", false),
        fails(w547 + " zonder gegeven over de bekendmaking: fout die het noemt", "requestAfterTariffsPublished",
            "requestAfterTariffsPublished", null, "requestOnTime", true),
        fails(w547 + " zonder gegeven over de tijdigheid: fout die het noemt", "requestOnTime",
            "requestAfterTariffsPublished", true, "requestOnTime", null));
  }

  static Stream<DecisionCase> contractUpgradeAdmissibility() {
    String p487 = PARAMEDICAL + ":487";
    String p531 = PARAMEDICAL + ":531";
    return Stream.of(
        expect(p487 + " fysiotherapie met overeenkomst B, tijdig: in behandeling", admissibility("ADMISSIBLE"),
            "discipline", "PHYSIOTHERAPY", "registeredContractType", "B", "requestOnTime", true),
        expect(p531 + " logopedie met overeenkomst B, tijdig: in behandeling", admissibility("ADMISSIBLE"),
            "discipline", "SPEECH_THERAPY", "registeredContractType", "B", "requestOnTime", true),
        expect(p487 + " op of na 1 september gemeld: te laat, blijft B (A-09)", admissibility("TOO_LATE"),
            "discipline", "PHYSIOTHERAPY", "registeredContractType", "B", "requestOnTime", false),
        expect(p487 + " heeft al overeenkomst A: geen overstap", admissibility("NOT_CONTRACT_B"),
            "discipline", "PHYSIOTHERAPY", "registeredContractType", "A", "requestOnTime", true),
        expect(p487 + " geen overeenkomst in het register: geen overstap", admissibility("NOT_CONTRACT_B"),
            "discipline", "SPEECH_THERAPY", "registeredContractType", null, "requestOnTime", true),
        fails(p487 + " zonder discipline: fout die discipline noemt", "discipline",
            "discipline", null, "registeredContractType", "B", "requestOnTime", true),
        fails(p487 + " diëtetiek kent geen overeenkomst A en B: fout die discipline noemt", "discipline onbekend",
            "discipline", "DIETETICS", "registeredContractType", "B", "requestOnTime", true),
        fails(p487 + " overeenkomst B zonder gegeven over de tijdigheid: fout", "requestOnTime",
            "discipline", "PHYSIOTHERAPY", "registeredContractType", "B", "requestOnTime", null));
  }

  static Stream<DecisionCase> treatmentIndexFollowUp() {
    String p495 = PARAMEDICAL + ":495";
    return Stream.of(
        expect(p495 + " behandelindex 2027: meegewogen bij de contractering voor 2029",
            vars("weighedInContractYear", 2029), "contractYear", 2027),
        fails(PARAMEDICAL + ":493 behandelindex 2028: het beleid noemt geen contractering (fout)", "2028",
            "contractYear", 2028),
        fails(PARAMEDICAL + ":493 zonder jaar: fout die contractYear noemt", "contractYear", "contractYear", null));
  }

  static Stream<DecisionCase> transitionBudgetTotal() {
    return Stream.of(
        expect(WLZ + ":591 'maximaal € 400.000' voor 2027", vars("transitionBudgetTotal", 400000.0),
            "contractYear", 2027),
        fails(WLZ + ":587 het beleid regelt alleen 2027 (fout voor 2028)", "2028", "contractYear", 2028),
        fails(WLZ + ":587 zonder jaar: fout die contractYear noemt", "contractYear", "contractYear", null));
  }

  static Stream<DecisionCase> transitionBudgetAdmissibility() {
    String w616 = WLZ + ":616";
    return Stream.of(
        theme("LONGER_AT_HOME", "Langer thuis", "REGULAR", 595),
        theme("NEW_WAYS_OF_WORKING", "Anders werken voor passende zorg en ondersteuning", "REGULAR", 596),
        theme("LABOUR_MARKET", "Aanpak arbeidsmarkttraagstukken in de zorg", "REGULAR", 597),
        theme("DIGITAL_INFRASTRUCTURE", "Digitale infrastructuur", "HIGHEST", 598),
        theme("ECOLOGICAL_SUSTAINABILITY", "Ecologische duurzaamheid", "REGULAR", 599),
        expect(w616 + " na 31 december binnen: te laat", vars("admissibility", "TOO_LATE", "themeLabel",
            "Digitale infrastructuur", "themePriority", "HIGHEST"),
            "transitionTheme", "DIGITAL_INFRASTRUCTURE", "applicationOnTime", false),
        fails(WLZ + ":593-599 een ander thema: fout die transitionTheme noemt", "transitionTheme onbekend",
            "transitionTheme", "ROBOTICS", "applicationOnTime", true),
        fails(WLZ + ":593-599 zonder thema: fout die transitionTheme noemt", "transitionTheme is verplicht",
            "transitionTheme", null, "applicationOnTime", true),
        fails(w616 + " zonder gegeven over de tijdigheid: fout", "applicationOnTime",
            "transitionTheme", "LONGER_AT_HOME", "applicationOnTime", null));
  }

  private static DecisionCase theme(String theme, String label, String priority, int line) {
    return expect(WLZ + ":" + line + " thema " + label + ", uiterlijk 31 december binnen: in behandeling",
        vars("admissibility", "ADMISSIBLE", "themeLabel", label, "themePriority", priority),
        "transitionTheme", theme, "applicationOnTime", true);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hardshipClauseAdmissibility")
  void hardshipClauseAdmissibilityDecides(DecisionCase c) {
    c.verify(decisions, "hardshipClauseAdmissibility");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractUpgradeAdmissibility")
  void contractUpgradeAdmissibilityDecides(DecisionCase c) {
    c.verify(decisions, "contractUpgradeAdmissibility");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("treatmentIndexFollowUp")
  void treatmentIndexFollowUpDecides(DecisionCase c) {
    c.verify(decisions, "treatmentIndexFollowUp");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitionBudgetTotal")
  void transitionBudgetTotalDecides(DecisionCase c) {
    c.verify(decisions, "transitionBudgetTotal");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transitionBudgetAdmissibility")
  void transitionBudgetAdmissibilityDecides(DecisionCase c) {
    c.verify(decisions, "transitionBudgetAdmissibility");
  }
}
