package nl.salland.zorginkoop.sector;

import org.springframework.stereotype.Component;

/** For BPMN expressions: {@code camunda:candidateGroups="${sectors.staffGroup(sector)}"}. */
@Component("sectors")
public class Sectors {

  /** The staff group of a sector; an unknown sector is an error that names it. */
  public String staffGroup(Object sector) {
    String value = sector == null ? null : sector.toString();
    return Sector.parse(value)
        .orElseThrow(() -> new IllegalArgumentException(
            "Unknown sector '" + value + "'; expected one of " + Sector.allowedValues()))
        .staffGroup();
  }

  /** Dutch label of a sector, for forms and mails. */
  public String label(Object sector) {
    return Sector.parse(sector == null ? null : sector.toString()).map(Sector::label).orElse(String.valueOf(sector));
  }
}
