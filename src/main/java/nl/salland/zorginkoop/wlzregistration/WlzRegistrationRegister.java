package nl.salland.zorginkoop.wlzregistration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import nl.salland.zorginkoop.integration.DelegateInputs;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Our own record of the Wlz registrations ({@code zi_wlz_registration}), for BPMN expressions
 * ({@code wlzRegistrationRegister}) in the engine's transaction. A provider cannot register again for a contract
 * year in which an earlier registration was rejected (004_fbae119c7f6fc4e4.txt:748), was not assessed because it
 * was incomplete (completing it on the provider's own initiative is not allowed, 004_fbae119c7f6fc4e4.txt:729),
 * led to an offer, or is still being assessed.
 */
@Component("wlzRegistrationRegister")
public class WlzRegistrationRegister {

  static final String ASSESSING = "ASSESSING";
  static final String CANCELLED = "CANCELLED";
  /** Earlier outcomes after which a new registration for the same year is refused. */
  static final List<String> BLOCKING = List.of("REJECTED", "NOT_ASSESSED_INCOMPLETE", "CONTRACT_OFFERED");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final int MAX_REASONS = 10_000;
  private static final String COLUMNS = "process_instance_id, agb_code, contract_year, registered_at, "
      + "submitted_complete, status, provider_category, contract_duration, tariff_percentage, reasons, received_at, "
      + "decided_at";

  private final JdbcClient jdbc;
  private final RuntimeService runtime;

  public WlzRegistrationRegister(JdbcClient jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /**
   * Records the case's registration (once, also when the step runs again) and sets {@code earlierRegistration} to
   * the status of an earlier registration that excludes this one, or to null.
   */
  public void record(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    String agbCode = DelegateInputs.required(execution, "agbCode");
    int contractYear = DelegateInputs.contractYear(execution);
    if (find(processInstanceId).isEmpty()) {
      jdbc.sql("INSERT INTO zi_wlz_registration (process_instance_id, agb_code, contract_year, registered_at, "
              + "submitted_complete, status, received_at) VALUES (:pi, :agb, :year, :registeredAt, :complete, "
              + ":status, :now)")
          .param("pi", processInstanceId)
          .param("agb", agbCode)
          .param("year", contractYear)
          .param("registeredAt", moment(execution.getVariable("registeredAt")))
          .param("complete", Boolean.TRUE.equals(execution.getVariable("complete")))
          .param("status", ASSESSING)
          .param("now", now())
          .update();
    }
    execution.setVariable("earlierRegistration", earlierExcluding(agbCode, contractYear, processInstanceId)
        .orElse(null));
  }

  /** At the end of the case: its outcome, the reasons and what was offered. */
  public void close(DelegateExecution execution) {
    Object outcome = execution.getVariable("outcome");
    Object reasons = execution.getVariable("rejectionReasons") != null ? execution.getVariable("rejectionReasons")
        : execution.getVariable("incompleteReason");
    Object tariff = execution.getVariable("tariffPercentage");
    jdbc.sql("""
            UPDATE zi_wlz_registration SET status = :status, provider_category = :category,
              contract_duration = :duration, tariff_percentage = :tariff, reasons = :reasons, decided_at = :now
            WHERE process_instance_id = :pi""")
        .param("status", outcome == null ? CANCELLED : outcome.toString())
        .param("category", text(execution.getVariable("providerCategory")))
        .param("duration", text(execution.getVariable("contractDuration")))
        .param("tariff", tariff instanceof Number number ? new BigDecimal(number.toString()) : null)
        .param("reasons", truncated(text(reasons)))
        .param("now", now())
        .param("pi", execution.getProcessInstanceId())
        .update();
  }

  public Optional<WlzRegistration> find(String processInstanceId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_wlz_registration WHERE process_instance_id = :pi")
        .param("pi", processInstanceId)
        .query(WlzRegistrationRegister::map)
        .optional();
  }

  /** All registrations of a provider for a contract year, oldest first. */
  public List<WlzRegistration> findAll(String agbCode, int contractYear) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_wlz_registration WHERE agb_code = :agb AND contract_year = :year "
            + "ORDER BY received_at, id")
        .param("agb", agbCode)
        .param("year", contractYear)
        .query(WlzRegistrationRegister::map)
        .list();
  }

  private Optional<String> earlierExcluding(String agbCode, int contractYear, String processInstanceId) {
    return findAll(agbCode, contractYear).stream()
        .filter(r -> !r.processInstanceId().equals(processInstanceId))
        .filter(r -> BLOCKING.contains(r.status()) || ASSESSING.equals(r.status()) && stillRunning(r))
        .map(WlzRegistration::status)
        .findFirst();
  }

  /** An ASSESSING row whose case was deleted without its end listener does not block for ever. */
  private boolean stillRunning(WlzRegistration registration) {
    return runtime.createProcessInstanceQuery().processInstanceId(registration.processInstanceId()).count() > 0;
  }

  private static OffsetDateTime moment(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(AMSTERDAM).toOffsetDateTime();
    }
    String text = value == null ? "" : value.toString().strip();
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(AMSTERDAM).toOffsetDateTime();
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("registeredAt is not an ISO date-time: '" + text + "'", e);
      }
    }
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(AMSTERDAM).toOffsetDateTime();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String truncated(String text) {
    return text == null || text.length() <= MAX_REASONS ? text : text.substring(0, MAX_REASONS);
  }

  private static WlzRegistration map(ResultSet rs, int row) throws SQLException {
    return new WlzRegistration(rs.getString("process_instance_id"), rs.getString("agb_code").trim(),
        rs.getInt("contract_year"), rs.getObject("registered_at", OffsetDateTime.class),
        rs.getBoolean("submitted_complete"), rs.getString("status"), rs.getString("provider_category"),
        rs.getString("contract_duration"), rs.getBigDecimal("tariff_percentage"), rs.getString("reasons"),
        rs.getObject("received_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class));
  }
}
