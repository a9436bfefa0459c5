package nl.salland.zorginkoop.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dutch working days: Monday to Friday, except the holidays of jollyday's Netherlands calendar. Those are the days the
 * Algemene termijnenwet (art. 3) excludes when a term is counted: New Year's Day, Good Friday, Easter Monday, King's
 * Day, 5 May, Ascension Day, Whit Monday and both Christmas days. Liberation Day (5 May) is a holiday every year, or
 * only in lustrum years, as {@code zorginkoop.calendar.liberation-day-every-year} says (dmn/README.md).
 * For BPMN expressions: {@code ${workingDays.plus(now(), 5)}}.
 */
@Component("workingDays")
public class WorkingDays {

  private static final String LIBERATION_DAY = "LIBERATION";

  private final boolean liberationDayEveryYear;
  private final HolidayManager holidays = HolidayManager.getInstance(
      ManagerParameters.create(HolidayCalendar.NETHERLANDS));
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingDays(@Value("${zorginkoop.calendar.liberation-day-every-year:true}") boolean liberationDayEveryYear) {
    this.liberationDayEveryYear = liberationDayEveryYear;
  }

  /**
   * The moment {@code days} working days after {@code start} (a Date or an ISO date or date-time; a date alone counts
   * from 00:00 Europe/Amsterdam), at the same time of day in Amsterdam. Day 1 is the first working day after the day
   * of {@code start}.
   */
  public Date plus(Object start, int days) {
    Moments.Moment moment = Moments.parse(start, "start");
    LocalDate target = plusDays(moment.day(), days);
    return Date.from(moment.instant().atZone(Moments.AMSTERDAM).with(target).toInstant());
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  /** The {@code days}-th working day after {@code day} ({@code day} itself when {@code days} is 0). */
  LocalDate plusDays(LocalDate day, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate current = day;
    for (int counted = 0; counted < days; ) {
      current = current.plusDays(1);
      if (isWorkingDay(current)) {
        counted++;
      }
    }
    return current;
  }

  Set<LocalDate> holidays(int year) {
    return holidaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y)).stream()
        .filter(h -> liberationDayEveryYear || !LIBERATION_DAY.equals(h.getPropertiesKey()) || y % 5 == 0)
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet()));
  }
}
