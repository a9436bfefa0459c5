package nl.salland.zorginkoop.calendar;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates and terms of the procurement round, read from the latest deployed version of the decision
 * {@code contractingCalendar} (dmn/contracting-calendar.dmn), so that a process owner's redeployment from Camunda
 * Modeler takes effect at once. For BPMN expressions, e.g.
 * {@code camunda:dueDate="${contractingCalendar.deadline(sector, contractYear, 'OFFER_DUE')}"}.
 *
 * <p>All times are Europe/Amsterdam. A deadline given as a date lasts through the end of that day; one given as a
 * date-time lasts up to and including that moment. {@code contractYear} may be an Integer, a Long or a String. A
 * missing row is a {@link CalendarEntryNotFoundException} naming sector, year and milestone.
 *
 * <p>The lookup is internal configuration, not a decision a user takes: it runs with authorization checks off, inside
 * the caller's engine command when there is one (BPMN expressions) and in a command of its own otherwise. The rows of a
 * decision version are fixed, so they are kept per version, sector and year: the engine's decision history records
 * one evaluation per version instead of one per expression. Which version is the latest is asked once per engine
 * command ({@link CalendarVersionPerCommand}).
 */
@Component("contractingCalendar")
public class ContractingCalendar {

  public static final String DECISION_KEY = "contractingCalendar";

  private final ObjectProvider<ProcessEngine> engines;
  private final WorkingDays workingDays;
  private final TemporalAmount leadTime;
  private final Map<RowsKey, List<CalendarEntry>> rows = new ConcurrentHashMap<>();

  private record RowsKey(String decisionDefinitionId, String sector, int contractYear) {
  }

  /** The engine is looked up on first use: creating it here would start it before Flyway has migrated our tables. */
  public ContractingCalendar(ObjectProvider<ProcessEngine> engines, WorkingDays workingDays,
      @Value("${zorginkoop.reminders.lead-time:P7D}") String leadTime) {
    this.engines = engines;
    this.workingDays = workingDays;
    this.leadTime = parseAmount(leadTime, "zorginkoop.reminders.lead-time");
  }

  /** The last on-time moment of the milestone (for {@code camunda:dueDate}). */
  public Date deadline(Object sector, Object contractYear, String milestone) {
    return Date.from(dated(sector, contractYear, milestone).lastOnTime());
  }

  /** The first late moment of the milestone (for a timer's {@code timeDate}). */
  public Date lateFrom(Object sector, Object contractYear, String milestone) {
    return Date.from(dated(sector, contractYear, milestone).lateFrom());
  }

  /** The deadline minus {@code zorginkoop.reminders.lead-time} (for {@code camunda:followUpDate} and reminders). */
  public Date reminderAt(Object sector, Object contractYear, String milestone) {
    Instant deadline = dated(sector, contractYear, milestone).lastOnTime();
    if (leadTime instanceof Period period) {
      return Date.from(deadline.atZone(Moments.AMSTERDAM).minus(period).toInstant());
    }
    return Date.from(deadline.minus(leadTime));
  }

  /**
   * The end of the milestone's term counted from {@code start} (a Date or an ISO date or date-time). A term in days,
   * weeks, months or years ({@code P6W}) and a term in working days end at the end of the last day (23:59:59.999 in
   * Amsterdam), the day of {@code start} itself not counted; a term with a time part ({@code PT48H}) ends exactly that
   * long after {@code start}.
   */
  public Date afterTerm(Object start, Object sector, Object contractYear, String milestone) {
    Moments.Moment from = Moments.parse(start, "start");
    Key key = key(sector, contractYear, milestone);
    CalendarEntry entry = entry(key);
    if (entry.term() != null && !entry.term().isBlank()) {
      TemporalAmount term = parseAmount(entry.term(), "term of " + key);
      if (term instanceof Period period) {
        return Date.from(endOf(from.day().plus(period)));
      }
      return Date.from(from.instant().plus(term));
    }
    if (entry.workingDays() != null) {
      return Date.from(endOf(workingDays.plusDays(from.day(), entry.workingDays())));
    }
    throw new CalendarEntryNotFoundException("The contracting calendar has a deadline, not a term, for " + key
        + ": use deadline(...)");
  }

  /** A dated milestone of a sector's year, for overviews such as the managers' timeline. */
  public record DatedMilestone(String milestone, String label, String deadline) {
  }

  /** The dated milestones of the sector's year, as the calendar gives them (terms left out). */
  public List<DatedMilestone> datedMilestones(Object sector, Object contractYear) {
    Key key = key(sector, contractYear, "*");
    return entries(key.sector(), key.contractYear()).stream().filter(CalendarEntry::hasDeadline)
        .map(e -> new DatedMilestone(e.milestone(), e.label(), e.deadline())).toList();
  }

  /**
   * Whether the calendar has the milestone for this sector and year at all: not every sector's policy knows every
   * step (GGZ asks no offer before its custom negotiations, for instance).
   */
  public boolean has(Object sector, Object contractYear, String milestone) {
    Key key = key(sector, contractYear, milestone);
    return entries(key.sector(), key.contractYear()).stream().anyMatch(e -> milestone.equals(e.milestone()));
  }

  /** Whether {@code moment} (a Date or an ISO date or date-time) meets the milestone's deadline. */
  public boolean isOnTime(Object moment, Object sector, Object contractYear, String milestone) {
    Moments.Moment at = Moments.parse(moment, "moment");
    CalendarEntry entry = dated(sector, contractYear, milestone);
    if (at.dateOnly() && !entry.deadlineIsDay() && at.day().equals(entry.deadlineDay())) {
      throw new IllegalArgumentException("moment " + at.day() + " has no time of day, but the deadline of "
          + key(sector, contractYear, milestone) + " is " + entry.deadline() + ": give a date-time");
    }
    return entry.isMetBy(at.instant());
  }

  private static Instant endOf(LocalDate day) {
    return Moments.endOfDayExclusive(day).minusMillis(1);
  }

  private CalendarEntry dated(Object sector, Object contractYear, String milestone) {
    Key key = key(sector, contractYear, milestone);
    CalendarEntry entry = entry(key);
    if (!entry.hasDeadline()) {
      throw new CalendarEntryNotFoundException("The contracting calendar has a term, not a deadline, for " + key
          + ": use afterTerm(...)");
    }
    return entry;
  }

  private CalendarEntry entry(Key key) {
    List<CalendarEntry> matches = entries(key.sector(), key.contractYear()).stream()
        .filter(e -> key.milestone().equals(e.milestone()))
        .toList();
    if (matches.isEmpty()) {
      throw new CalendarEntryNotFoundException("The contracting calendar (decision " + DECISION_KEY
          + ") has no row for " + key);
    }
    if (matches.size() > 1) {
      throw new CalendarEntryNotFoundException("The contracting calendar (decision " + DECISION_KEY
          + ") has " + matches.size() + " rows for " + key + "; keep one");
    }
    return matches.get(0);
  }

  private List<CalendarEntry> entries(String sector, int contractYear) {
    // A BPMN expression runs inside its job's or request's engine command: asking there costs no nested command
    // through the whole interceptor chain and no bean lookup (with the former version query 6 % of a start job's
    // time; docs/performance.md, "The calendar inside the caller's command").
    CommandContext current = Context.getCommandContext();
    if (current != null) {
      return entries(current, sector, contractYear);
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engines.getObject().getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> entries(context, sector, contractYear));
  }

  private List<CalendarEntry> entries(CommandContext context, String sector, int contractYear) {
    return context.runWithoutAuthorization(() -> {
      String latestId = context.getSession(CalendarVersionPerCommand.LatestVersion.class)
          .id(() -> latestVersionId(context));
      return evaluate(context.getProcessEngineConfiguration().getDecisionService(), latestId, sector, contractYear);
    });
  }

  /** The lookup Camunda itself makes for a decision referenced with binding "latest". */
  private static String latestVersionId(CommandContext context) {
    DecisionDefinitionEntity latest =
        context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(DECISION_KEY);
    if (latest == null) {
      throw new ProcessEngineException("The decision " + DECISION_KEY + " is not deployed");
    }
    return latest.getId();
  }

  private List<CalendarEntry> evaluate(DecisionService decisions, String latestId, String sector, int contractYear) {
    RowsKey cacheKey = new RowsKey(latestId, sector, contractYear);
    List<CalendarEntry> cached = rows.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    DmnDecisionResult result = decisions.evaluateDecisionById(latestId)
        .variables(Variables.createVariables().putValue("sector", sector).putValue("contractYear", contractYear))
        .evaluate();
    List<CalendarEntry> entries = result.getResultList().stream().map(CalendarEntry::of).toList();
    rows.keySet().removeIf(k -> !k.decisionDefinitionId().equals(latestId));
    rows.put(cacheKey, entries);
    return entries;
  }

  private record Key(String sector, int contractYear, String milestone) {
    @Override
    public String toString() {
      return "sector " + sector + ", contract year " + contractYear + ", milestone " + milestone;
    }
  }

  private static Key key(Object sector, Object contractYear, String milestone) {
    String sectorName = sector instanceof Sector s ? s.name() : sector == null ? null : sector.toString();
    if (Sector.parse(sectorName).isEmpty()) {
      throw new IllegalArgumentException("Unknown sector '" + sectorName + "'; expected one of "
          + Sector.allowedValues());
    }
    if (milestone == null || milestone.isBlank()) {
      throw new IllegalArgumentException("milestone is required (e.g. OFFER_DUE)");
    }
    return new Key(sectorName, year(contractYear), milestone);
  }

  static int year(Object contractYear) {
    if (contractYear instanceof Integer || contractYear instanceof Long || contractYear instanceof Short
        || contractYear instanceof BigInteger) {
      return Math.toIntExact(((Number) contractYear).longValue());
    }
    if (contractYear instanceof BigDecimal decimal) {
      return decimal.intValueExact();
    }
    if (contractYear instanceof CharSequence text && text.toString().trim().matches("\\d{4}")) {
      return Integer.parseInt(text.toString().trim());
    }
    throw new IllegalArgumentException("contractYear must be a year such as 2027 (Integer, Long or String), not '"
        + contractYear + "'");
  }

  private static TemporalAmount parseAmount(String text, String name) {
    try {
      return text.contains("T") ? Duration.parse(text) : Period.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as P7D or PT48H, not '" + text
          + "'", e);
    }
  }
}
