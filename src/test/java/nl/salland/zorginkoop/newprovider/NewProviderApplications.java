package nl.salland.zorginkoop.newprovider;

import java.util.Map;

/** Test data for new-provider applications, shared by the review's tests and the round's. */
public final class NewProviderApplications {

  public static final String GROUND_DIAGNOSTICS = "U levert alleen diagnostiek (003_ac3f9d7d049546c3.txt:1208)";
  public static final String GROUND_FRAUD = "Er loopt een fraudeonderzoek bij Salland Zorgverzekeraar "
      + "(003_ac3f9d7d049546c3.txt:1215)";

  private NewProviderApplications() {
  }

  /**
   * What each sector's decision tables need to reach the assessment (CONTRACT: "the sector's review inputs"): a GRZ
   * provider with 12 beds outside Midden-IJssel, a GP practice, a physiotherapy practice that meets contract A, a
   * vrijgevestigde GGZ practice.
   */
  public static Map<String, Object> reviewInputs(String sector) {
    return switch (sector) {
      case "KORTDURENDE_ZORG" -> Map.of("careProduct", "GRZ", "grzBeds", 12, "inMiddenIJssel", false,
          "substantialCareVolume", false, "operatesNationally", false, "substantialMarketShare", false,
          "leadingLocalRole", false);
      case "HUISARTSENZORG" -> Map.of("providerKind", "PRACTICE");
      case "PARAMEDISCHE_ZORG" -> Map.of("paramedicalDiscipline", "PHYSIOTHERAPY", "paramedicalProviderKind",
          "PRACTICE", "meetsBaseRequirements", true, "cooperationDisciplines", 1, "specialisedTherapistPercentage", 60,
          "distinctSpecialisations", 2, "eveningWeekendDayparts", 2, "qualityCertificate", "HKZ");
      case "GGZ" -> Map.of("pukOrPaaz", false, "fteRegiebehandelaren", 5, "treatmentLocations", 2);
      default -> throw new IllegalArgumentException(sector);
    };
  }
}
