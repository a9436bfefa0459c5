package nl.salland.zorginkoop.sector;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five procurement sectors of ../shared/CONTRACT.md, each with the Camunda group of its procurement staff.
 */
public enum Sector {
  KORTDURENDE_ZORG("Kortdurende zorg (GRZ, ELV, GZSP)", "inkoop-kortdurende-zorg"),
  HUISARTSENZORG("Huisartsenzorg en multidisciplinaire zorg", "inkoop-huisartsenzorg"),
  PARAMEDISCHE_ZORG("Paramedische zorg", "inkoop-paramedische-zorg"),
  GGZ("Geestelijke gezondheidszorg", "inkoop-ggz"),
  WLZ_GZ("Wlz gehandicaptenzorg", "inkoop-wlz");

  private final String label;
  private final String staffGroup;

  Sector(String label, String staffGroup) {
    this.label = label;
    this.staffGroup = staffGroup;
  }

  public String label() {
    return label;
  }

  /** Camunda group id of this sector's procurement staff (candidate group of its tasks). */
  public String staffGroup() {
    return staffGroup;
  }

  public static Optional<Sector> parse(String value) {
    return Arrays.stream(values()).filter(s -> s.name().equals(value)).findFirst();
  }

  public static String allowedValues() {
    return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
  }
}
