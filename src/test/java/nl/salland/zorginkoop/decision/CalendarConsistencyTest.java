package nl.salland.zorginkoop.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contracting calendar and the two decisions that repeat its deadlines agree, for every sector and every year:
 * {@code newProviderAdmission} with the NEW_PROVIDER_REGISTRATION rows and {@code ceilingOverrunAdmissibility} with
 * the CEILING_OVERRUN_NOTICE rows. A process owner who adds next year's rows to one and forgets the other sees it
 * here. And every calendar row is well formed.
 */
@ZorginkoopTest
class CalendarConsistencyTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired
  DecisionService decisions;

  static Stream<Arguments> sectorsAndYears() {
    return Stream.of(Sector.values()).flatMap(sector -> IntStream.rangeClosed(2020, 2035)
        .mapToObj(year -> Arguments.of(sector.name(), year)));
  }

  private List<Map<String, Object>> calendar(String sector, int year) {
    return decisions.evaluateDecisionByKey("contractingCalendar")
        .variables(DecisionCase.vars("sector", sector, "contractYear", year)).evaluate().getResultList();
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String milestone) {
    return rows.stream().filter(r -> milestone.equals(r.get("milestone"))).findFirst().orElse(null);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sectorsAndYears")
  void newProviderAdmissionUsesTheCalendarDeadline(String sector, int year) {
    Map<String, Object> registration = row(calendar(sector, year), "NEW_PROVIDER_REGISTRATION");
    if (registration == null) {
      Throwable error = catchThrowable(() -> DecisionCase.evaluate(decisions, "newProviderAdmission",
          DecisionCase.vars("sector", sector, "contractYear", year, "applicationDate", (year - 1) + "-05-01")));
      assertThat(DecisionErrorReporting.evaluationFailure(error)).as("no calendar row: no admission deadline either")
          .contains(sector + " " + year);
      return;
    }
    String deadline = (String) registration.get("deadline");
    boolean isDay = deadline.length() == 10;
    OffsetDateTime lastMoment = isDay
        ? LocalDate.parse(deadline).atTime(23, 59, 59).atZone(AMSTERDAM).toOffsetDateTime()
        : OffsetDateTime.parse(deadline);
    String late = isDay ? LocalDate.parse(deadline).plusDays(1).toString() : lastMoment.plusSeconds(1).toString();

    Map<String, Object> atDeadline = DecisionCase.evaluate(decisions, "newProviderAdmission",
        DecisionCase.vars("sector", sector, "contractYear", year, "applicationDate", deadline));
    Map<String, Object> afterDeadline = DecisionCase.evaluate(decisions, "newProviderAdmission",
        DecisionCase.vars("sector", sector, "contractYear", year, "applicationDate", late));

    assertThat(atDeadline.get("admissible")).isEqualTo(true);
    assertThat(afterDeadline.get("admissible")).isEqualTo(false);
    assertThat(OffsetDateTime.parse((String) atDeadline.get("deadline")).toInstant()).isEqualTo(lastMoment.toInstant());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sectorsAndYears")
  void ceilingOverrunAdmissibilityUsesTheCalendarDeadline(String sector, int year) {
    Map<String, Object> notice = row(calendar(sector, year), "CEILING_OVERRUN_NOTICE");
    Map<String, Object> onTimeVariables = DecisionCase.vars("sector", sector, "contractYear", year,
        "hasRevenueCeiling", true, "productionMonitorOnTime", true, "notificationDate", year + "-03-01");
    if (notice == null) {
      if (sector.equals("HUISARTSENZORG") || sector.equals("PARAMEDISCHE_ZORG")) {
        assertThat(DecisionCase.evaluate(decisions, "ceilingOverrunAdmissibility", onTimeVariables))
            .containsEntry("admissibility", "NO_CEILING");
      } else {
        Throwable error = catchThrowable(() ->
            DecisionCase.evaluate(decisions, "ceilingOverrunAdmissibility", onTimeVariables));
        assertThat(DecisionErrorReporting.evaluationFailure(error)).as("no calendar row: no notice deadline either")
            .contains(sector);
      }
      return;
    }
    LocalDate deadline = LocalDate.parse((String) notice.get("deadline"));
    onTimeVariables.put("notificationDate", deadline.toString());
    Map<String, Object> lateVariables = new HashMap<>(onTimeVariables);
    lateVariables.put("notificationDate", deadline.plusDays(1).toString());

    assertThat(DecisionCase.evaluate(decisions, "ceilingOverrunAdmissibility", onTimeVariables))
        .containsEntry("admissibility", "ADMISSIBLE");
    assertThat(DecisionCase.evaluate(decisions, "ceilingOverrunAdmissibility", lateVariables))
        .containsEntry("admissibility", "TOO_LATE");
  }

  @Test
  void everyCalendarRowIsWellFormed() {
    List<String> problems = new ArrayList<>();
    sectorsAndYears().forEach(arguments -> {
      String sector = (String) arguments.get()[0];
      int year = (Integer) arguments.get()[1];
      Set<String> seen = new HashSet<>();
      for (Map<String, Object> row : calendar(sector, year)) {
        String where = sector + " " + year + " " + row.get("milestone");
        String milestone = (String) row.get("milestone");
        if (milestone == null || !milestone.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
          problems.add(where + ": milestone is not UPPER_SNAKE_CASE");
        }
        if (!seen.add(milestone)) {
          problems.add(where + ": twice");
        }
        long filled = Stream.of("deadline", "term", "workingDays").filter(k -> row.get(k) != null).count();
        if (filled != 1) {
          problems.add(where + ": fills " + filled + " of deadline, term and workingDays instead of one");
        }
        if (row.get("label") == null || ((String) row.get("label")).isBlank()) {
          problems.add(where + ": no Dutch label");
        }
        problems.addAll(parses(where, (String) row.get("deadline"), (String) row.get("term")));
      }
    });
    assertThat(problems).isEmpty();
  }

  private static List<String> parses(String where, String deadline, String term) {
    try {
      if (deadline != null) {
        if (deadline.length() == 10) {
          LocalDate.parse(deadline);
        } else {
          OffsetDateTime.parse(deadline);
        }
      }
      if (term != null) {
        if (term.contains("T")) {
          Duration.parse(term);
        } else {
          Period.parse(term);
        }
      }
      return List.of();
    } catch (DateTimeParseException e) {
      return List.of(where + ": " + e.getMessage());
    }
  }
}
