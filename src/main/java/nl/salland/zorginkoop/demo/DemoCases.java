package nl.salland.zorginkoop.demo;

import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data of the default (H2) profile, created on the first start only (an empty register): providers known to the
 * built-in AGB simulator, contracting rounds for contract year 2027 in both ways of contracting, a new provider's
 * application, a Wlz registration and a transition-budget application. They run on the real date, so deadlines that
 * have passed show as such in Tasklist and on the dashboard.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "zorginkoop.demo.enabled", havingValue = "true")
public class DemoCases implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  record DemoRound(Provider provider, String sector, String mode) {
  }

  static final List<DemoRound> ROUNDS = List.of(
      round("01012345", "Huisartsenpraktijk De Linde", "Raalte", "HUISARTSENZORG", "DIGITAL"),
      round("04011223", "Fysiotherapie Het Anker", "Deventer", "PARAMEDISCHE_ZORG", "DIGITAL"),
      round("94061234", "GGZ Sallandse Heuvelrug", "Rijssen-Holten", "GGZ", "FACE_TO_FACE"),
      round("10203040", "Revalidatiecentrum De IJssel", "Deventer", "KORTDURENDE_ZORG", "FACE_TO_FACE"),
      round("20304050", "Gezondheidscentrum Het Bolwerk", "Deventer", "HUISARTSENZORG", "FACE_TO_FACE"),
      round("04070809", "Logopediepraktijk Raalte", "Raalte", "PARAMEDISCHE_ZORG", "FACE_TO_FACE"));

  private static final String DEMO_THEME = "NEW_WAYS_OF_WORKING";

  private final ProviderRegister providers;
  private final RuntimeService runtimeService;

  public DemoCases(ProviderRegister providers, RuntimeService runtimeService) {
    this.providers = providers;
    this.runtimeService = runtimeService;
  }

  private static DemoRound round(String agb, String name, String municipality, String sector, String mode) {
    return new DemoRound(new Provider(new AgbCode(agb), name, null, municipality, "zorginkoop-demo@" + agb
        + ".example"), sector, mode);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (providers.count() > 0) {
      return;
    }
    for (DemoRound demo : ROUNDS) {
      providers.save(demo.provider());
      String agb = demo.provider().agbCode().value();
      runtimeService.startProcessInstanceByKey("contractingRound", agb + "-" + demo.sector() + "-2027",
          Map.of("agbCode", agb, "sector", demo.sector(), "contractYear", 2027, "providerStatus", "EXISTING",
              "contractingMode", demo.mode()));
    }
    // A new physiotherapy practice that applied in time; it waits for the sector's assessment.
    runtimeService.startProcessInstanceByKey("newProviderReview", "04056789-PARAMEDISCHE_ZORG-2027", Map.ofEntries(
        Map.entry("agbCode", "04056789"), Map.entry("sector", "PARAMEDISCHE_ZORG"), Map.entry("contractYear", 2027),
        Map.entry("applicationDate", "2026-08-14"), Map.entry("paramedicalDiscipline", "PHYSIOTHERAPY"),
        Map.entry("paramedicalProviderKind", "PRACTICE"), Map.entry("meetsBaseRequirements", true),
        Map.entry("cooperationDisciplines", 1), Map.entry("specialisedTherapistPercentage", 60),
        Map.entry("distinctSpecialisations", 2), Map.entry("eveningWeekendDayparts", 2),
        Map.entry("qualityCertificate", "HKZ")));
    // A Wlz provider registered in time for 2027, known to the office.
    runtimeService.startProcessInstanceByKey("wlzRegistration", "73073456-WLZ_GZ-2027", Map.of("agbCode",
        "73073456", "contractYear", 2027, "registeredAt", "2026-07-20T11:30:00+02:00", "complete", true,
        "contractWithThisOffice", true, "contractedWholePreviousYear", true, "wlzRevenuePreviousYear", 1_250_000,
        "clusterStartingPercentage", 96.5));
    runtimeService.startProcessInstanceByKey("transitionBudgetApplication", "73073456-WLZ_GZ-2027", Map.of(
        "agbCode", "73073456", "sector", "WLZ_GZ", "contractYear", 2027, "applicationDate", "2026-11-16",
        "requestedAmount", 60_000.0, "transitionTheme", DEMO_THEME));
    LOG.info("Demo cases started: {} contracting rounds, a new provider, a Wlz registration, a budget application",
        ROUNDS.size());
  }
}
