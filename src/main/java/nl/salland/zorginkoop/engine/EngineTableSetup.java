package nl.salland.zorginkoop.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Prepares Camunda's tables for the way zorginkoop uses them. The job executor asks several times a second "which
 * jobs are due and not locked, and is no other job of the same case locked?" (application.yaml: every job has a due
 * date, and the job executor takes the earliest due first), and in a procurement season the job table holds every
 * waiting deadline of every round. Without help PostgreSQL read the whole table twice for each question, which in a
 * storm of due timers was most of the database's time (docs/performance.md, "Job acquisition"). At every start,
 * after the engine has created or upgraded its tables (our Flyway migrations run before that):
 * <ul>
 *   <li>a job without a due date (left by an engine that ran without {@code ensureJobDueDateNotNull}) gets its
 *       creation time as due date, because acquisition now looks for due dates only and would never run it;</li>
 *   <li>on PostgreSQL two indexes on the job table: {@code zi_job_due_date} to find the due jobs in order, and
 *       {@code zi_job_locked}, holding only the few locked jobs, for the "no other job of the same case" part;</li>
 *   <li>on PostgreSQL {@code zi_task_parent} on the task table, holding only subtasks: Camunda looks for a task's
 *       subtasks whenever a task is completed ({@code PARENT_TASK_ID_}, without an index of its own), and
 *       PostgreSQL read every open task of the season for it.</li>
 * </ul>
 * H2 is for development and tests; it does without the indexes.
 */
@Component
public class EngineTableSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTableSetup.class);

  /** Table prefix first; {@code IF NOT EXISTS} makes every later start a no-op. */
  private static final List<String> POSTGRES_INDEXES = List.of(
      "CREATE INDEX IF NOT EXISTS zi_job_due_date ON %sACT_RU_JOB (DUEDATE_)",
      "CREATE INDEX IF NOT EXISTS zi_job_locked ON %sACT_RU_JOB (LOCK_EXP_TIME_) WHERE LOCK_OWNER_ IS NOT NULL",
      "CREATE INDEX IF NOT EXISTS zi_task_parent ON %sACT_RU_TASK (PARENT_TASK_ID_) WHERE PARENT_TASK_ID_ IS NOT NULL");

  /** Nodes of a cluster that start together take turns, so that they never create the same index at once. */
  private static final long ADVISORY_LOCK = 0x7a695f6a6f62L; // "zi_job", kept from the first release

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = configuration.getDatabaseTablePrefix();
    if (configuration.isEnsureJobDueDateNotNull()) {
      giveEveryJobADueDate(configuration, prefix);
    }
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      createIndexes(configuration, prefix);
    }
  }

  private static void giveEveryJobADueDate(ProcessEngineConfigurationImpl configuration, String prefix) {
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      int updated = statement.executeUpdate("UPDATE " + prefix + "ACT_RU_JOB "
          + "SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL");
      if (updated > 0) {
        LOG.info("Gave {} job(s) without a due date their creation time as due date", updated);
      }
    } catch (SQLException e) {
      // Unlike a missing index, a job the job executor never sees loses work: do not start like this.
      throw new ProcessEngineException("Could not give the jobs without a due date one: " + e.getMessage(), e);
    }
  }

  private static void createIndexes(ProcessEngineConfigurationImpl configuration, String prefix) {
    try (Connection connection = configuration.getDataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
        for (String index : POSTGRES_INDEXES) {
          statement.execute(index.formatted(prefix));
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      // Without the indexes everything works, only slower: say so loudly, do not stop the start.
      LOG.warn("Could not create the indexes on ACT_RU_JOB and ACT_RU_TASK; the job executor will be slower with "
          + "many waiting timers, and task completions with many open tasks: {}", e.getMessage());
    }
  }
}
