package nl.salland.zorginkoop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dutch working days: jollyday's Netherlands calendar, the holidays of the Algemene termijnenwet; 5 May as set. */
class WorkingDaysTest {

  private final WorkingDays everyYear = new WorkingDays(true);
  private final WorkingDays lustrumOnly = new WorkingDays(false);

  @ParameterizedTest(name = "{0} ({1}): working day {2}")
  @CsvSource({
      "2026-06-05, Friday, true",
      "2026-06-06, Saturday (weekend), false",
      "2026-06-07, Sunday (weekend), false",
      "2026-01-01, New Year's Day, false",
      "2026-04-02, Maundy Thursday, true",
      "2026-04-03, Good Friday (Algemene termijnenwet art. 3 lid 2), false",
      "2026-04-06, Easter Monday, false",
      "2026-04-27, King's Day, false",
      "2025-04-26, King's Day 2025 (27 April is a Sunday: Saturday 26 April), false",
      "2025-04-28, Monday after King's Day 2025, true",
      "2026-05-14, Ascension Day, false",
      "2026-05-25, Whit Monday, false",
      "2026-12-25, Christmas Day, false",
      "2026-12-28, Monday after Christmas, true",
      "2027-12-27, Monday after a Christmas on the weekend (no substitute day), true"})
  void knowsDutchHolidaysAndWeekends(LocalDate day, String what, boolean working) {
    assertThat(everyYear.isWorkingDay(day)).as(what).isEqualTo(working);
    assertThat(lustrumOnly.isWorkingDay(day)).as(what).isEqualTo(working);
  }

  @Test
  void liberationDayIsAHolidayEveryYearOrOnlyInLustrumYears() {
    LocalDate may5th2026 = LocalDate.of(2026, 5, 5);
    LocalDate may5th2025 = LocalDate.of(2025, 5, 5);
    LocalDate may5th2030 = LocalDate.of(2030, 5, 5);

    assertThat(everyYear.isWorkingDay(may5th2026)).isFalse();
    assertThat(lustrumOnly.isWorkingDay(may5th2026)).isTrue();
    assertThat(everyYear.isWorkingDay(may5th2025)).isFalse();
    assertThat(lustrumOnly.isWorkingDay(may5th2025)).isFalse();
    assertThat(lustrumOnly.isWorkingDay(may5th2030)).isFalse();
  }

  @Test
  void addsWorkingDaysAtTheSameTimeOfDay() {
    // Thursday before Easter 10:00 + 1 working day: over Good Friday, the weekend and Easter Monday to Tuesday 7 April.
    assertThat(everyYear.plus("2026-04-02T10:00:00+02:00", 1))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-04-07T10:00:00+02:00").toInstant()));
    // Started on a holiday: day 1 is the first working day after it.
    assertThat(everyYear.plus("2026-04-03T10:00:00+02:00", 1))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-04-07T10:00:00+02:00").toInstant()));
    // Thursday 30 April + 5 working days: 1, 4, 6, 7, 8 May with 5 May a holiday; 1, 4, 5, 6, 7 May without.
    assertThat(everyYear.plus("2026-04-30T09:00:00", 5))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-05-08T09:00:00+02:00").toInstant()));
    assertThat(lustrumOnly.plus("2026-04-30T09:00:00", 5))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-05-07T09:00:00+02:00").toInstant()));
    // Christmas: Thursday 24 December + 1 working day is Monday 28 December.
    assertThat(everyYear.plus("2026-12-24", 1))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-12-28T00:00:00+01:00").toInstant()));
    // Across the change to winter time the local time of day stays.
    assertThat(everyYear.plus("2026-10-23T16:00:00+02:00", 1))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-10-26T16:00:00+01:00").toInstant()));
    assertThat(everyYear.plus(Date.from(ZonedDateTime.parse("2026-06-05T12:00:00+02:00").toInstant()), 0))
        .isEqualTo(Date.from(ZonedDateTime.parse("2026-06-05T12:00:00+02:00").toInstant()));
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> everyYear.plus(null, 1)).hasMessageContaining("start");
    assertThatThrownBy(() -> everyYear.plus("5 mei", 1)).hasMessageContaining("start");
    assertThatThrownBy(() -> everyYear.plus("2026-05-05", -1)).hasMessageContaining("days");
  }
}
