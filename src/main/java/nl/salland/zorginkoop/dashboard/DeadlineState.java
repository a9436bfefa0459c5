package nl.salland.zorginkoop.dashboard;

import java.util.Arrays;
import nl.salland.zorginkoop.validation.InvalidInputException;

/** How a deadline stands, as managers see it. */
public enum DeadlineState {
  /** Still open, due within the weeks looked ahead. */
  UPCOMING("Binnenkort"),
  /** Still open, and its due moment has passed. */
  OVERDUE("Verlopen"),
  /** Closed after its due moment (e.g. ended by its deadline timer). */
  MISSED("Gemist"),
  /** Closed in time. */
  MET("Gehaald");

  private final String label;

  DeadlineState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static DeadlineState parse(String value) {
    return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst()
        .orElseThrow(() -> new InvalidInputException("status", "unknown status '" + value
            + "'; expected UPCOMING, OVERDUE, MISSED or MET"));
  }
}
