package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.GGZ;
import static nl.salland.zorginkoop.decision.Seeds.GP;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;
import static nl.salland.zorginkoop.decision.Seeds.SHORT_TERM;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Contract form (standard or custom), the GGZ provider kind and the new paramedical provider's contract term. */
@ZorginkoopTest
class ContractFormAndTermTest {

  @Autowired
  DecisionService decisions;

  private static final Map<String, Object> STANDARD = vars("contractForm", "STANDAARD", "contractingMode", "DIGITAL");
  private static final Map<String, Object> CUSTOM = vars("contractForm", "MAATWERK", "contractingMode", "FACE_TO_FACE");

  static Stream<DecisionCase> contractForm() {
    String s0 = SHORT_TERM + ":";
    String s3 = GGZ + ":";
    return Stream.of(
        expect(PARAMEDICAL + ":417 paramedische zorg: niet-onderhandelbare standaardovereenkomst", STANDARD, "sector", "PARAMEDISCHE_ZORG"),
        expect(s0 + "504 Midden-IJssel met aanmerkelijk zorgvolume: maatwerk", CUSTOM,
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", true, "substantialCareVolume", true),
        expect(s0 + "506 landelijk, marktaandeel en voorname lokale rol: maatwerk", CUSTOM,
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", false, "operatesNationally", true, "substantialMarketShare", true,
            "leadingLocalRole", true),
        expect(s0 + "506 landelijk met marktaandeel maar zonder lokale rol: standaard", STANDARD,
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", false, "operatesNationally", true, "substantialMarketShare", true,
            "leadingLocalRole", false),
        expect(s0 + "504 Midden-IJssel zonder aanmerkelijk volume, niet landelijk: standaard", STANDARD,
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", true, "substantialCareVolume", false, "operatesNationally", false),
        expect(s0 + "318 buiten Midden-IJssel, niet landelijk: standaard", STANDARD,
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", false, "operatesNationally", false),
        fails(s0 + "504 zorgvolume onbekend: fout die substantialCareVolume noemt", "substantialCareVolume",
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", true, "operatesNationally", false),
        fails(s0 + "506 landelijke positie onbekend: fout die operatesNationally noemt", "operatesNationally",
            "sector", "KORTDURENDE_ZORG", "inMiddenIJssel", false),
        expect(GP + ":531-535 huisartspraktijk: digitaal (README)", STANDARD, "sector", "HUISARTSENZORG", "providerKind", "PRACTICE"),
        expect(GP + ":484 regionale huisartsenorganisatie: face-to-face (README)", CUSTOM,
            "sector", "HUISARTSENZORG", "providerKind", "REGIONAL_GP_ORGANISATION"),
        expect(GP + ":451 RESV: face-to-face (README)", CUSTOM, "sector", "HUISARTSENZORG", "providerKind", "RESV"),
        expect(GP + ":537-547 HollandZorg-huisartsaanbieder: face-to-face (README)", CUSTOM,
            "sector", "HUISARTSENZORG", "providerKind", "HOLLANDZORG_GP_PROVIDER"),
        fails(GP + ":484 huisartsenzorg zonder soort partij: fout die providerKind noemt", "providerKind", "sector", "HUISARTSENZORG"),
        fails(GP + ":484 huisartsenzorg met een GGZ-soort: fout die providerKind noemt", "providerKind",
            "sector", "HUISARTSENZORG", "providerKind", "INSTELLING"),
        expect(s3 + "986 GGZ vrijgevestigde: digitaal", STANDARD, "sector", "GGZ", "providerKind", "VRIJGEVESTIGDE"),
        expect(s3 + "990 GGZ PUK/PAAZ: eigen digitaal aanbod", STANDARD, "sector", "GGZ", "providerKind", "PUK_PAAZ"),
        expect(s3 + "986 GGZ-instelling met beperkt aandeel in de kosten: digitaal", STANDARD,
            "sector", "GGZ", "providerKind", "INSTELLING", "limitedShareOfCosts", true, "inMiddenIJssel", true),
        expect(s3 + "994 GGZ-instelling in de regio: maatwerk", CUSTOM,
            "sector", "GGZ", "providerKind", "INSTELLING", "limitedShareOfCosts", false, "inMiddenIJssel", true),
        expect(s3 + "996-998 GGZ-instelling buiten de regio met substantieel marktaandeel: maatwerk per e-mail", CUSTOM,
            "sector", "GGZ", "providerKind", "INSTELLING", "limitedShareOfCosts", false, "inMiddenIJssel", false,
            "substantialMarketShare", true),
        expect(s3 + "988 overige GGZ-instellingen: digitaal", STANDARD,
            "sector", "GGZ", "providerKind", "INSTELLING", "limitedShareOfCosts", false, "inMiddenIJssel", false,
            "substantialMarketShare", false),
        fails(s3 + "986 aandeel in de kosten onbekend: fout die limitedShareOfCosts noemt", "limitedShareOfCosts",
            "sector", "GGZ", "providerKind", "INSTELLING"),
        fails(s3 + "994 regio onbekend: fout die inMiddenIJssel noemt", "inMiddenIJssel",
            "sector", "GGZ", "providerKind", "INSTELLING", "limitedShareOfCosts", false),
        fails(s3 + "998 marktaandeel onbekend: fout die substantialMarketShare noemt", "substantialMarketShare",
            "sector", "GGZ", "providerKind", "INSTELLING", "limitedShareOfCosts", false, "inMiddenIJssel", false),
        fails(s3 + "980 GGZ zonder soort aanbieder: fout die providerKind noemt", "providerKind", "sector", "GGZ"),
        fails(WLZ + ":647-660 Wlz kent geen keuze standaard/maatwerk: fout die WLZ_GZ noemt", "WLZ_GZ", "sector", "WLZ_GZ"),
        fails(s0 + "316 zonder sector: fout die sector noemt", "sector", "inMiddenIJssel", true));
  }

  static Stream<DecisionCase> ggzProviderKind() {
    String s3 = GGZ + ":";
    return Stream.of(
        expect(s3 + "209-211 8 fte en 3 locaties ('Maximaal'): vrijgevestigde", vars("ggzProviderKind", "VRIJGEVESTIGDE"),
            "pukOrPaaz", false, "fteRegiebehandelaren", 8, "treatmentLocations", 3),
        expect(s3 + "209 8.01 fte: instelling", vars("ggzProviderKind", "INSTELLING"),
            "pukOrPaaz", false, "fteRegiebehandelaren", 8.01, "treatmentLocations", 1),
        expect(s3 + "211 4 locaties: instelling", vars("ggzProviderKind", "INSTELLING"),
            "pukOrPaaz", false, "fteRegiebehandelaren", 2, "treatmentLocations", 4),
        expect(s3 + "209 9 fte, locaties onbekend: zeker instelling", vars("ggzProviderKind", "INSTELLING"),
            "pukOrPaaz", false, "fteRegiebehandelaren", 9),
        expect(s3 + "990 PUK/PAAZ", vars("ggzProviderKind", "PUK_PAAZ"), "pukOrPaaz", true),
        fails(s3 + "209 fte onbekend: fout die fteRegiebehandelaren noemt", "fteRegiebehandelaren",
            "pukOrPaaz", false, "treatmentLocations", 2),
        fails(s3 + "211 locaties onbekend: fout die treatmentLocations noemt", "treatmentLocations",
            "pukOrPaaz", false, "fteRegiebehandelaren", 2),
        fails(s3 + "990 PUK/PAAZ onbekend: fout die pukOrPaaz noemt", "pukOrPaaz", "fteRegiebehandelaren", 2, "treatmentLocations", 1));
  }

  static Stream<DecisionCase> paramedicalContractTerm() {
    String s2 = PARAMEDICAL + ":";
    return Stream.of(
        expect(s2 + "419 start 1 januari 2027: twee kalenderjaren tot en met 31 december 2028",
            vars("contractEndDate", "2028-12-31", "contractTerm", "P2Y"), "contractStartDate", "2027-01-01"),
        expect(s2 + "545 tussentijdse instroom 1 juli 2027: evenredig korter",
            vars("contractEndDate", "2028-12-31", "contractTerm", "P1Y6M"), "contractStartDate", "2027-07-01"),
        expect(s2 + "545 instroom 1 juli 2027 09:00+02:00 (datum-tijd)",
            vars("contractEndDate", "2028-12-31", "contractTerm", "P1Y6M"), "contractStartDate", "2027-07-01T09:00:00+02:00"),
        expect(s2 + "545 instroom 1 december 2028: één maand",
            vars("contractEndDate", "2028-12-31", "contractTerm", "P1M"), "contractStartDate", "2028-12-01"),
        fails(s2 + "545 start 31 december 2026: vóór 2027, fout die contractStartDate noemt", "contractStartDate",
            "contractStartDate", "2026-12-31"),
        fails(s2 + "419 start 1 januari 2029: na de looptijd, fout die contractStartDate noemt", "contractStartDate",
            "contractStartDate", "2029-01-01"),
        fails(s2 + "545 geen ingangsdatum: fout die contractStartDate noemt", "contractStartDate"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractForm")
  void contractForm(DecisionCase c) {
    c.verify(decisions, "contractForm");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ggzProviderKind")
  void ggzProviderKind(DecisionCase c) {
    c.verify(decisions, "ggzProviderKind");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paramedicalContractTerm")
  void paramedicalContractTerm(DecisionCase c) {
    c.verify(decisions, "paramedicalContractTerm");
  }
}
