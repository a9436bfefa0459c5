package nl.salland.zorginkoop.integration.agb;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.salland.zorginkoop.integration.SimulatorEnabled;
import nl.salland.zorginkoop.integration.agb.AgbRegistration.Practitioner;
import nl.salland.zorginkoop.integration.agb.AgbRegistration.WerkzaamBijRelatie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-in for the AGB register in the default profile: a fixed, small data set. Every code not listed is unknown
 * (404). {@code 04099999} is the provider that declares itself differently: it registers as "Voetzorg Olst" with
 * KvK 87654321, while the register knows it as "Podotherapie Salland" with another KvK number, so the check ends
 * in AGB_MISMATCH. {@code GET /simulator/agb/providers} lists the data set.
 */
@RestController
@RequestMapping("/simulator/agb")
@SimulatorEnabled
public class AgbRegisterSimulator {

  static final List<AgbRegistration> PROVIDERS = List.of(
      new AgbRegistration("01012345", "Huisartsenpraktijk De Linde", "Lindelaan 4, 8102 AB Raalte", "Raalte",
          "41020304", "Huisartsenzorg", List.of()),
      new AgbRegistration("04056789", "Fysiotherapie De Brink", "Brink 12, 7411 BR Deventer", "Deventer",
          "12345678", "Fysiotherapie", List.of(
              new Practitioner("04123451", "A. Jansen", "FYSIOTHERAPEUT",
                  new WerkzaamBijRelatie(LocalDate.of(2015, 3, 1), null), List.of("MANUEEL", "SPORT")),
              new Practitioner("04123452", "B. de Vries", "FYSIOTHERAPEUT",
                  new WerkzaamBijRelatie(LocalDate.of(2019, 9, 1), null), List.of("KINDER")),
              new Practitioner("04123453", "C. Bakker", "FYSIOTHERAPEUT",
                  new WerkzaamBijRelatie(LocalDate.of(2021, 1, 1), null), List.of()),
              // Left the practice: not returned by the check as working there.
              new Practitioner("04123454", "D. Visser", "FYSIOTHERAPEUT",
                  new WerkzaamBijRelatie(LocalDate.of(2012, 5, 1), LocalDate.of(2023, 12, 31)),
                  List.of("OEDEEM")))),
      new AgbRegistration("94061234", "GGZ Sallandse Heuvelrug", "Stationsweg 20, 7461 AP Rijssen",
          "Rijssen-Holten", "55667788", "GGZ", List.of()),
      new AgbRegistration("73073456", "Zorggroep Het Kruispunt", "Kruisstraat 1, 8131 AA Wijhe", "Olst-Wijhe",
          "66778899", "Gehandicaptenzorg", List.of()),
      new AgbRegistration("04099999", "Podotherapie Salland", "Markt 7, 8121 CN Olst", "Olst-Wijhe", "99887766",
          "Podotherapie", List.of()));

  private static final Map<String, AgbRegistration> BY_CODE = PROVIDERS.stream()
      .collect(Collectors.toUnmodifiableMap(AgbRegistration::agbCode, Function.identity()));

  @GetMapping("/providers")
  List<AgbRegistration> all() {
    return PROVIDERS;
  }

  @GetMapping("/providers/{agbCode}")
  ResponseEntity<AgbRegistration> lookUp(@PathVariable String agbCode) {
    AgbRegistration registration = BY_CODE.get(agbCode);
    return registration == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(registration);
  }
}
