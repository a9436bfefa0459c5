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

/** The other numeric Wlz rules: own funds (EV 35 %), subcontracting (2/3) and the continuity conversation (€ 100.000). */
@ZorginkoopTest
class WlzFinanceAndContinuityTest {

  @Autowired
  DecisionService decisions;

  private static final String W = WLZ + ":";

  private static Map<String, Object> funds(boolean value) {
    return vars("fundsOwnOverproduction", value);
  }

  static Stream<DecisionCase> ownFunds() {
    return Stream.of(
        expect(W + "575 overproductie en EV 35 procent ('vanaf 35 procent'): zelf bekostigen", funds(true),
            "projectedOverproduction", 50000, "equityPercentage", 35),
        expect(W + "575 overproductie en EV 34.99 procent: niet", funds(false),
            "projectedOverproduction", 50000, "equityPercentage", 34.99),
        expect(W + "575 overproductie en EV 36 procent: zelf bekostigen", funds(true),
            "projectedOverproduction", 0.01, "equityPercentage", 36),
        expect(W + "575 geen overproductie, EV 80 procent: regel niet van toepassing", funds(false),
            "projectedOverproduction", 0, "equityPercentage", 80),
        expect(W + "575 geen overproductie, EV onbekend: niet", funds(false), "projectedOverproduction", 0),
        expect(W + "575 negatief eigen vermogen: niet", funds(false), "projectedOverproduction", 1000, "equityPercentage", -12),
        fails(W + "575 overproductie, EV onbekend: fout die equityPercentage noemt", "equityPercentage", "projectedOverproduction", 1000),
        fails(W + "575 prognose onbekend: fout die projectedOverproduction noemt", "projectedOverproduction", "equityPercentage", 40),
        fails(W + "575 negatieve overproductie: fout die projectedOverproduction noemt", "projectedOverproduction",
            "projectedOverproduction", -1, "equityPercentage", 40));
  }

  private static Map<String, Object> subcontracting(String value) {
    return vars("subcontractingOutcome", value);
  }

  static Stream<DecisionCase> subcontracting() {
    return Stream.of(
        expect(W + "709 € 900.000, € 300.000 onderaanneming: precies 2/3 zelf, binnen de norm", subcontracting("WITHIN_NORM"),
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 300000, "zzpOrVptFullySubcontracted", false),
        expect(W + "709 € 300.000,01 onderaanneming: minder dan 2/3 zelf, beoordeling", subcontracting("APPROVAL_REQUIRED"),
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 300000.01, "zzpOrVptFullySubcontracted", false),
        expect(W + "709 € 100, € 33,33 onderaanneming: binnen de norm", subcontracting("WITHIN_NORM"),
            "expectedContractedCare", 100, "expectedSubcontractedCare", 33.33, "zzpOrVptFullySubcontracted", false),
        expect(W + "709 € 100, € 33,34 onderaanneming: beoordeling", subcontracting("APPROVAL_REQUIRED"),
            "expectedContractedCare", 100, "expectedSubcontractedCare", 33.34, "zzpOrVptFullySubcontracted", false),
        expect(W + "709 geen onderaanneming: binnen de norm", subcontracting("WITHIN_NORM"),
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 0, "zzpOrVptFullySubcontracted", false),
        expect(W + "711 zzp volledig in onderaanneming zonder toestemming: niet toegestaan", subcontracting("NOT_ALLOWED"),
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 100000, "zzpOrVptFullySubcontracted", true,
            "officeConsent", false),
        expect(W + "711 zzp volledig in onderaanneming met toestemming: binnen de norm", subcontracting("WITHIN_NORM"),
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 100000, "zzpOrVptFullySubcontracted", true,
            "officeConsent", true),
        expect(W + "709 met toestemming, maar 4/9 in onderaanneming: beoordeling", subcontracting("APPROVAL_REQUIRED"),
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 400000, "zzpOrVptFullySubcontracted", true,
            "officeConsent", true),
        fails(W + "711 toestemming onbekend: fout die officeConsent noemt", "officeConsent",
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 0, "zzpOrVptFullySubcontracted", true),
        fails(W + "711 onbekend of een zzp/vpt volledig uitbesteed is: fout die zzpOrVptFullySubcontracted noemt",
            "zzpOrVptFullySubcontracted", "expectedContractedCare", 900000, "expectedSubcontractedCare", 0),
        fails(W + "709 onderaanneming groter dan het totaal: fout die expectedSubcontractedCare noemt", "expectedSubcontractedCare",
            "expectedContractedCare", 900000, "expectedSubcontractedCare", 900001, "zzpOrVptFullySubcontracted", false),
        fails(W + "709 onderaanneming onbekend: fout die expectedSubcontractedCare noemt", "expectedSubcontractedCare",
            "expectedContractedCare", 900000, "zzpOrVptFullySubcontracted", false),
        fails(W + "709 verwachte zorg 0: fout die expectedContractedCare noemt", "expectedContractedCare",
            "expectedContractedCare", 0, "expectedSubcontractedCare", 0, "zzpOrVptFullySubcontracted", false));
  }

  static Stream<DecisionCase> continuity() {
    return Stream.of(
        expect(W + "658 bestaand, € 99.999,99 ('onder een omzetgrens van € 100.000'): gesprek", vars("conversationRequired", true),
            "providerCategory", "EXISTING", "wlzRevenuePreviousYear", 99999.99),
        expect(W + "658 bestaand, € 100.000: geen gesprek", vars("conversationRequired", false),
            "providerCategory", "EXISTING", "wlzRevenuePreviousYear", 100000),
        expect(W + "658 nieuwe zorgaanbieder: regel niet van toepassing", vars("conversationRequired", false),
            "providerCategory", "NEW"),
        expect(W + "658 bestaand maar nieuw voor het zorgkantoor: regel niet van toepassing", vars("conversationRequired", false),
            "providerCategory", "EXISTING_NEW_TO_OFFICE", "wlzRevenuePreviousYear", 10),
        fails(W + "658 bestaand zonder omzet: fout die wlzRevenuePreviousYear noemt", "wlzRevenuePreviousYear",
            "providerCategory", "EXISTING"),
        fails(W + "631-645 zonder categorie: fout die providerCategory noemt", "providerCategory", "wlzRevenuePreviousYear", 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownFunds")
  void ownFundsForOverproduction(DecisionCase c) {
    c.verify(decisions, "ownFundsForOverproduction");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subcontracting")
  void subcontractingAssessment(DecisionCase c) {
    c.verify(decisions, "subcontractingAssessment");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("continuity")
  void wlzContinuityConversation(DecisionCase c) {
    c.verify(decisions, "wlzContinuityConversation");
  }
}
