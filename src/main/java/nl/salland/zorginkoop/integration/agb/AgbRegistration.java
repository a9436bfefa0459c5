package nl.salland.zorginkoop.integration.agb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider as the AGB register (Vektis) knows it. For a paramedical practice, {@code practitioners} are the
 * professionals with a werkzaam-bij-relatie with the practice and their specialisations (verbijzonderingen)
 * registered in Vektis.
 */
public record AgbRegistration(String agbCode, String name, String address, String municipality, String kvkNumber,
    String careType, List<Practitioner> practitioners) {

  public AgbRegistration {
    practitioners = practitioners == null ? List.of() : List.copyOf(practitioners);
  }

  public record Practitioner(String agbCode, String name, String discipline, WerkzaamBijRelatie werkzaamBijRelatie,
      List<String> specialisations) {

    public Practitioner {
      specialisations = specialisations == null ? List.of() : List.copyOf(specialisations);
    }

    boolean worksAtThePracticeOn(LocalDate day) {
      return werkzaamBijRelatie != null && werkzaamBijRelatie.activeOn(day);
    }
  }

  /** The practitioner's relation with the practice; {@code to} is empty while it lasts. */
  public record WerkzaamBijRelatie(LocalDate from, LocalDate to) {
    boolean activeOn(LocalDate day) {
      return from != null && !from.isAfter(day) && (to == null || !to.isBefore(day));
    }
  }

  /** The same registration with only the practitioners whose werkzaam-bij-relatie holds on {@code day}. */
  public AgbRegistration withPractitionersWorkingOn(LocalDate day) {
    return new AgbRegistration(agbCode, name, address, municipality, kvkNumber, careType,
        practitioners.stream().filter(p -> p.worksAtThePracticeOn(day)).toList());
  }

  /**
   * Where the declared data differ from the register, in Dutch, one entry per field (empty when all match). A
   * field the provider did not declare is not compared. Names compare without case and extra spaces.
   */
  public List<String> differencesFrom(Optional<String> declaredName, Optional<String> declaredKvkNumber,
      Optional<String> declaredCareType) {
    List<String> differences = new ArrayList<>();
    declaredName.filter(declared -> !normalised(declared).equals(normalised(name)))
        .ifPresent(declared -> differences.add(difference("naam", declared, name)));
    declaredKvkNumber.filter(declared -> !declared.strip().equals(kvkNumber))
        .ifPresent(declared -> differences.add(difference("KvK-nummer", declared, kvkNumber)));
    declaredCareType.filter(declared -> !normalised(declared).equals(normalised(careType)))
        .ifPresent(declared -> differences.add(difference("zorgsoort", declared, careType)));
    return differences;
  }

  private static String difference(String field, String declared, String registered) {
    return field + " (opgegeven: '" + declared + "', AGB-register: '" + (registered == null ? "" : registered) + "')";
  }

  private static String normalised(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
