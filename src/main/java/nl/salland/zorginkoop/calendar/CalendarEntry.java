package nl.salland.zorginkoop.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One row of the contracting calendar (decision {@code contractingCalendar}): a {@code deadline} (ISO date = through
 * the end of that day in Europe/Amsterdam; ISO date-time = up to and including that moment), a {@code term} from an
 * event (ISO-8601, e.g. {@code P6W}) or a number of {@code workingDays}.
 */
record CalendarEntry(String milestone, String deadline, String term, Integer workingDays, String label) {

  static CalendarEntry of(Map<String, Object> row) {
    Object days = row.get("workingDays");
    return new CalendarEntry((String) row.get("milestone"), (String) row.get("deadline"), (String) row.get("term"),
        days == null ? null : ((Number) days).intValue(), (String) row.get("label"));
  }

  boolean hasDeadline() {
    return deadline != null && !deadline.isBlank();
  }

  /** Whether the deadline is a whole day (through the end of that day) rather than a moment. */
  boolean deadlineIsDay() {
    return deadline.trim().length() == 10;
  }

  LocalDate deadlineDay() {
    return deadlineMoment().day();
  }

  /** The last on-time moment: 23:59:59.999 in Amsterdam for a day, otherwise the moment itself. */
  Instant lastOnTime() {
    return deadlineIsDay() ? Moments.endOfDayExclusive(deadlineDay()).minusMillis(1) : deadlineMoment().instant();
  }

  /** The first late moment: the next day's 00:00 for a day, otherwise one millisecond after the moment. */
  Instant lateFrom() {
    return deadlineIsDay() ? Moments.endOfDayExclusive(deadlineDay()) : deadlineMoment().instant().plusMillis(1);
  }

  /** Whether {@code at} meets the deadline: any time on the day, or up to and including the moment. */
  boolean isMetBy(Instant at) {
    return deadlineIsDay() ? at.isBefore(Moments.endOfDayExclusive(deadlineDay()))
        : !at.isAfter(deadlineMoment().instant());
  }

  private Moments.Moment deadlineMoment() {
    return Moments.parse(deadline, "deadline of " + milestone);
  }
}
