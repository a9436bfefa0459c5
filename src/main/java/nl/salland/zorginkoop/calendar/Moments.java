package nl.salland.zorginkoop.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;

/**
 * Reads the moments that processes and callers pass around (CONTRACT: ISO strings; a date-time without offset is
 * Europe/Amsterdam) and the values Java code uses ({@link Date}, {@code java.time}).
 */
final class Moments {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** A moment, its day in Amsterdam, and whether only the day was given. */
  record Moment(Instant instant, LocalDate day, boolean dateOnly) {
  }

  private Moments() {
  }

  static Moment parse(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required (a Date or an ISO date or date-time)");
    }
    if (value instanceof Date date) {
      return of(date.toInstant());
    }
    if (value instanceof Calendar calendar) {
      return of(calendar.toInstant());
    }
    if (value instanceof Instant instant) {
      return of(instant);
    }
    if (value instanceof ZonedDateTime zoned) {
      return of(zoned.toInstant());
    }
    if (value instanceof OffsetDateTime offset) {
      return of(offset.toInstant());
    }
    if (value instanceof LocalDateTime local) {
      return of(local.atZone(AMSTERDAM).toInstant());
    }
    if (value instanceof LocalDate day) {
      return startOf(day);
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().trim(), name);
    }
    throw new IllegalArgumentException(name + " must be a Date or an ISO date or date-time, not "
        + value.getClass().getSimpleName() + " '" + value + "'");
  }

  private static Moment parse(String text, String name) {
    try {
      if (text.length() == 10) {
        return startOf(LocalDate.parse(text));
      }
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from,
          OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof LocalDateTime local) {
        return of(local.atZone(AMSTERDAM).toInstant());
      }
      return of(Instant.from(parsed));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " '" + text + "' is not an ISO date (2026-06-01) or date-time "
          + "(2026-06-01T10:00:00+02:00)", e);
    }
  }

  private static Moment of(Instant instant) {
    return new Moment(instant, instant.atZone(AMSTERDAM).toLocalDate(), false);
  }

  private static Moment startOf(LocalDate day) {
    return new Moment(day.atStartOfDay(AMSTERDAM).toInstant(), day, true);
  }

  /** The first moment of the day after {@code day}, in Amsterdam. */
  static Instant endOfDayExclusive(LocalDate day) {
    return day.plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
  }
}
