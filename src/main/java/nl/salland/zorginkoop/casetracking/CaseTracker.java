package nl.salland.zorginkoop.casetracking;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code zi_case} and {@code zi_deadline}. Called by the engine's listeners inside the engine's transaction,
 * so the projection can never disagree with the engine's own state. Cases are the process instances that carry an
 * {@code agbCode}.
 */
@Component
public class CaseTracker {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final JdbcClient jdbc;

  public CaseTracker(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static boolean isCase(DelegateExecution execution) {
    return execution.getVariable("agbCode") != null;
  }

  void caseStarted(DelegateExecution instance) {
    if (!isCase(instance)) {
      return;
    }
    ExecutionEntity entity = (ExecutionEntity) instance;
    jdbc.sql("""
            INSERT INTO zi_case (process_instance_id, root_process_instance_id, business_key, process_key,
              process_name, agb_code, sector, contract_year, status, started_at)
            VALUES (:pi, :root, :bk, :key, :name, :agb, :sector, :year, 'ACTIVE', :now)""")
        .param("pi", instance.getProcessInstanceId())
        .param("root", entity.getRootProcessInstanceId())
        .param("bk", instance.getProcessBusinessKey())
        .param("key", entity.getProcessDefinition().getKey())
        .param("name", entity.getProcessDefinition().getName())
        .param("agb", String.valueOf(instance.getVariable("agbCode")))
        .param("sector", stringOrNull(instance.getVariable("sector")))
        .param("year", yearOrNull(instance.getVariable("contractYear")))
        .param("now", now())
        .update();
  }

  /** The case now waits in this step (a user task, message, timer or call activity). */
  void stepEntered(DelegateExecution execution, String stepName) {
    if (!isCase(execution)) {
      return;
    }
    jdbc.sql("""
            UPDATE zi_case SET current_activity_id = :activity, current_step = :step, step_since = :now,
              sector = COALESCE(sector, :sector), contract_year = COALESCE(contract_year, :year)
            WHERE process_instance_id = :pi""")
        .param("activity", execution.getCurrentActivityId())
        .param("step", stepName)
        .param("now", now())
        .param("sector", stringOrNull(execution.getVariable("sector")))
        .param("year", yearOrNull(execution.getVariable("contractYear")))
        .param("pi", execution.getProcessInstanceId())
        .update();
  }

  void caseEnded(DelegateExecution instance) {
    if (!isCase(instance)) {
      return;
    }
    jdbc.sql("""
            UPDATE zi_case SET status = :status, outcome = :outcome, ended_at = :now, current_activity_id = NULL,
              current_step = NULL, step_since = NULL
            WHERE process_instance_id = :pi""")
        .param("status", ((ExecutionEntity) instance).isCanceled() ? "CANCELLED" : "COMPLETED")
        .param("outcome", stringOrNull(instance.getVariable("outcome")))
        .param("now", now())
        .param("pi", instance.getProcessInstanceId())
        .update();
  }

  void deadlineOpened(DelegateExecution execution, String activityInstanceId, String milestone, String label,
      Date due) {
    if (!isCase(execution) || due == null) {
      return;
    }
    ExecutionEntity entity = (ExecutionEntity) execution;
    jdbc.sql("""
            INSERT INTO zi_deadline (process_instance_id, activity_instance_id, activity_id, business_key,
              process_key, agb_code, sector, contract_year, milestone, label, due_at, opened_at, status)
            VALUES (:pi, :ai, :activity, :bk, :key, :agb, :sector, :year, :milestone, :label, :due, :now, 'OPEN')""")
        .param("pi", execution.getProcessInstanceId())
        .param("ai", activityInstanceId)
        .param("activity", execution.getCurrentActivityId())
        .param("bk", execution.getProcessBusinessKey())
        .param("key", entity.getProcessDefinition().getKey())
        .param("agb", String.valueOf(execution.getVariable("agbCode")))
        .param("sector", stringOrNull(execution.getVariable("sector")))
        .param("year", yearOrNull(execution.getVariable("contractYear")))
        .param("milestone", milestone)
        .param("label", label)
        .param("due", due.toInstant().atZone(AMSTERDAM).toOffsetDateTime())
        .param("now", now())
        .update();
  }

  /** A user task's due date was changed in Tasklist. */
  void deadlineMoved(String activityInstanceId, Date due) {
    if (due == null) {
      return;
    }
    jdbc.sql("UPDATE zi_deadline SET due_at = :due WHERE activity_instance_id = :ai AND status = 'OPEN'")
        .param("due", due.toInstant().atZone(AMSTERDAM).toOffsetDateTime())
        .param("ai", activityInstanceId)
        .update();
  }

  /** The wait ended: on time (MET) or after the due moment (MISSED, e.g. left by its deadline timer). */
  void deadlineClosed(String activityInstanceId) {
    OffsetDateTime now = now();
    jdbc.sql("""
            UPDATE zi_deadline SET closed_at = :now,
              status = CASE WHEN due_at >= :now THEN 'MET' ELSE 'MISSED' END
            WHERE activity_instance_id = :ai AND status = 'OPEN'""")
        .param("now", now)
        .param("ai", activityInstanceId)
        .update();
  }

  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(AMSTERDAM).toOffsetDateTime();
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : value.toString();
  }

  private static Integer yearOrNull(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text && text.matches("\\d{4}")) {
      return Integer.valueOf(text);
    }
    return null;
  }
}
