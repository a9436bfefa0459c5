package nl.salland.zorginkoop.dashboard;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.validation.InvalidInputException;

/**
 * What a manager asks the dashboard for: a sector, a provider (AGB code or part of the name), the states of interest
 * and how many weeks ahead (and back, for closed deadlines) to look.
 */
public record DeadlineFilter(Sector sector, String provider, Set<DeadlineState> states, int weeks, int limit,
    OffsetDateTime now) {

  public static final int MAX_LIMIT = 5000;

  public static DeadlineFilter of(String sector, String provider, String status, Integer weeks, Integer limit,
      OffsetDateTime now) {
    Sector parsedSector = null;
    if (sector != null && !sector.isBlank()) {
      parsedSector = Sector.parse(sector).orElseThrow(() -> new InvalidInputException("sector",
          "unknown sector '" + sector + "'; expected one of " + Sector.allowedValues()));
    }
    Set<DeadlineState> states = EnumSet.of(DeadlineState.UPCOMING, DeadlineState.OVERDUE, DeadlineState.MISSED);
    if (status != null && !status.isBlank()) {
      states = EnumSet.noneOf(DeadlineState.class);
      for (String value : status.split(",")) {
        states.add(DeadlineState.parse(value.trim()));
      }
    }
    int lookWeeks = weeks == null ? 6 : weeks;
    if (lookWeeks < 1 || lookWeeks > 104) {
      throw new InvalidInputException("weeks", "must be between 1 and 104, got " + lookWeeks);
    }
    int max = limit == null ? 500 : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT + ", got " + max);
    }
    String providerText = provider == null || provider.isBlank() ? null : provider.trim();
    return new DeadlineFilter(parsedSector, providerText, states, lookWeeks, max, now);
  }

  OffsetDateTime horizon() {
    return now.plusWeeks(weeks);
  }

  OffsetDateTime since() {
    return now.minusWeeks(weeks);
  }
}
