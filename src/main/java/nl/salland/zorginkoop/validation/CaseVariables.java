package nl.salland.zorginkoop.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.sector.Sector;

/**
 * The formats of the case variables of ../shared/CONTRACT.md, checked wherever a case starts or receives data (REST
 * API, Java, call activities). A problem names the variable and says what was expected. These are formats, not
 * policy: the policy's thresholds and dates live in the decision tables.
 */
public final class CaseVariables {

  private static final DateTimeFormatter STRICT_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);

  private CaseVariables() {
  }

  /** One check: null when the value is acceptable, else what is wrong with it. */
  private static final Map<String, BiFunction<String, Object, String>> FORMATS = Map.ofEntries(
      Map.entry("agbCode", CaseVariables::agbCode),
      Map.entry("sector", CaseVariables::sector),
      Map.entry("contractYear", CaseVariables::year),
      Map.entry("providerStatus", (name, v) -> oneOf(v, "EXISTING", "NEW")),
      Map.entry("contractingMode", (name, v) -> oneOf(v, "DIGITAL", "FACE_TO_FACE")),
      Map.entry("registeredAt", (name, v) -> dateTime(v)),
      Map.entry("expectedOverrun", (name, v) -> amount(v)),
      Map.entry("newCeiling", (name, v) -> amount(v)),
      Map.entry("wlzRevenuePreviousYear", (name, v) -> amount(v)),
      Map.entry("clusterStartingPercentage", (name, v) -> percentage(v)),
      Map.entry("specialisedTherapistPercentage", (name, v) -> percentage(v)),
      Map.entry("treatmentIndex", (name, v) -> v == null ? null : amount(v)),
      Map.entry("uniquePatients", (name, v) -> count(v)),
      Map.entry("grzBeds", (name, v) -> count(v)),
      Map.entry("unitBeds", (name, v) -> count(v)),
      Map.entry("cooperationDisciplines", (name, v) -> count(v)),
      Map.entry("distinctSpecialisations", (name, v) -> count(v)),
      Map.entry("eveningWeekendDayparts", (name, v) -> count(v)),
      Map.entry("requestedAmount", (name, v) -> amount(v)),
      Map.entry("grantedAmount", (name, v) -> amount(v)));

  private static final Set<String> BOOLEANS = Set.of("complete", "hasRevenueCeiling", "productionMonitorOnTime",
      "contractWithThisOffice", "contractWithOtherOffice", "otherOfficeContractWholePreviousYear",
      "declaringSinceJanuaryFirst", "contractedWholePreviousYear", "meetsBaseRequirements", "hasQualityCertificate",
      "hasGrzContract", "approved", "resolved");

  /**
   * Checks that every required variable is present and that every known variable has its format.
   *
   * @param allowedSectors sectors this process accepts; empty means all five
   */
  public static List<InvalidInputException> problems(Map<String, ?> variables, Collection<String> required,
      Set<Sector> allowedSectors) {
    List<InvalidInputException> problems = new ArrayList<>();
    for (String name : required) {
      Object value = variables.get(name);
      if (value == null || value instanceof String text && text.isBlank()) {
        problems.add(new InvalidInputException(name, "is required"));
      }
    }
    variables.forEach((name, value) -> {
      if (value == null && !"treatmentIndex".equals(name)) {
        return;
      }
      String problem = check(name, value);
      if (problem != null) {
        problems.add(new InvalidInputException(name, problem));
      }
    });
    Object sector = variables.get("sector");
    if (sector != null && !allowedSectors.isEmpty() && sector(null, sector) == null
        && allowedSectors.stream().noneMatch(s -> s.name().equals(sector))) {
      problems.add(new InvalidInputException("sector", "this process does not handle sector '" + sector
          + "'; expected one of " + String.join(", ", allowedSectors.stream().map(Enum::name).sorted().toList())));
    }
    return problems;
  }

  /** The first problem as an exception to throw, if any. */
  public static void requireValid(Map<String, ?> variables, Collection<String> required, Set<Sector> allowed) {
    List<InvalidInputException> problems = problems(variables, required, allowed);
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
  }

  private static String check(String name, Object value) {
    BiFunction<String, Object, String> format = FORMATS.get(name);
    if (format != null) {
      return format.apply(name, value);
    }
    if (BOOLEANS.contains(name)) {
      return value instanceof Boolean ? null : "must be true or false, got " + describe(value);
    }
    if (name.endsWith("Date")) {
      return date(value);
    }
    return null;
  }

  private static String agbCode(String name, Object value) {
    return value instanceof String text && AgbCode.isValid(text) ? null
        : "must be a string of exactly 8 digits, got " + describe(value);
  }

  private static String sector(String name, Object value) {
    return value instanceof String text && Sector.parse(text).isPresent() ? null
        : "unknown sector " + describe(value) + "; expected one of " + Sector.allowedValues();
  }

  private static String year(String name, Object value) {
    if (value instanceof Integer || value instanceof Long) {
      long year = ((Number) value).longValue();
      return year >= 2000 && year <= 2100 ? null : "must be a year between 2000 and 2100, got " + value;
    }
    return "must be an integer year such as 2027, got " + describe(value);
  }

  private static String oneOf(Object value, String... allowed) {
    return value instanceof String text && List.of(allowed).contains(text) ? null
        : "must be one of " + String.join(", ", allowed) + ", got " + describe(value);
  }

  private static String amount(Object value) {
    if (!(value instanceof Number number) || Double.isNaN(number.doubleValue())
        || Double.isInfinite(number.doubleValue())) {
      return "must be a number, got " + describe(value);
    }
    return number.doubleValue() >= 0 ? null : "must not be negative, got " + value;
  }

  private static String percentage(Object value) {
    String problem = amount(value);
    if (problem != null) {
      return problem;
    }
    return ((Number) value).doubleValue() <= 100 ? null : "must be a percentage from 0 to 100, got " + value;
  }

  private static String count(Object value) {
    if (!(value instanceof Integer || value instanceof Long)) {
      return "must be a whole number, got " + describe(value);
    }
    return ((Number) value).longValue() >= 0 ? null : "must not be negative, got " + value;
  }

  /** An ISO date (2026-06-01) or date-time, with or without offset; impossible dates like 2026-02-31 fail. */
  static String date(Object value) {
    if (value instanceof Date) {
      return null;
    }
    if (value instanceof String text) {
      if (parsesAsDate(text) || dateTime(text) == null) {
        return null;
      }
    }
    return "must be an ISO date such as 2026-06-01 (or a date-time), got " + describe(value);
  }

  /** An ISO date-time, with offset (2026-07-31T17:00:00+02:00) or without (then Europe/Amsterdam). */
  static String dateTime(Object value) {
    if (value instanceof Date) {
      return null;
    }
    if (value instanceof String text && text.length() >= 16 && parsesAsDate(text.substring(0, 10))) {
      try {
        OffsetDateTime.parse(text);
        return null;
      } catch (DateTimeParseException withoutOffset) {
        try {
          LocalDateTime.parse(text);
          return null;
        } catch (DateTimeParseException e) {
          // fall through to the message
        }
      }
    }
    return "must be an ISO date-time such as 2026-07-31T17:00:00+02:00, got " + describe(value);
  }

  private static boolean parsesAsDate(String text) {
    try {
      LocalDate.parse(text, STRICT_DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String text) {
      return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }
}
