package nl.salland.zorginkoop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Date;
import java.util.List;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@ZorginkoopTest
class EngineTableSetupTest {

  private static final String KEY = "engineTableSetupTest";

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PlatformTransactionManager transactionManager;

  private String deploymentId;

  @AfterEach
  void removeTestProcess() {
    ClockUtil.reset();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void anAsynchronousStepGetsItsCreationTimeAsDueDate() {
    // Camunda reads the clock once for the due date and once for the creation time: a moving clock can differ by a
    // millisecond between the two.
    ClockUtil.setCurrentTime(new Date());
    Job job = asynchronousJob();

    assertThat(job.getDuedate()).isEqualTo(job.getCreateTime());
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).executable().count()).isOne();
  }

  @Test
  void aJobLeftWithoutDueDateGetsOneAtTheNextStartAndIsDueAgain() {
    Job job = asynchronousJob();
    jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(job.getId()).update();
    // Acquisition looks for due dates only (ensureJobDueDateNotNull): as it is, this job would never run.
    assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate())
        .isNull();

    new EngineTableSetup().postProcessEngineBuild(engine);

    Job after = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getDuedate()).isEqualTo(job.getCreateTime());
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
  }

  @Test
  void onPostgresTheJobTableHasBothAcquisitionIndexes() {
    assumeTrue(onPostgres(), "the indexes are made on PostgreSQL only");

    assertThat(indexDefinitions())
        .anySatisfy(definition -> assertThat(definition).contains("zi_job_due_date").contains("(duedate_)"))
        .anySatisfy(definition -> assertThat(definition).contains("zi_job_locked").contains("(lock_exp_time_)")
            .contains("WHERE (lock_owner_ IS NOT NULL)"));
  }

  @Test
  void onPostgresTheTaskTableHasAnIndexOfTheSubtasksOnly() {
    assumeTrue(onPostgres(), "the indexes are made on PostgreSQL only");

    assertThat(indexDefinitions()).anySatisfy(definition -> assertThat(definition).contains("zi_task_parent")
        .contains("act_ru_task").contains("(parent_task_id_)").contains("WHERE (parent_task_id_ IS NOT NULL)"));
  }

  @Test
  void onPostgresCamundasLookForTheSubtasksOfACompletedTaskCanGoAlongTheIndex() {
    assumeTrue(onPostgres(), "the indexes are made on PostgreSQL only");

    // The statement Camunda runs for every task it deletes (TaskManager.deleteTask, selectTasksByParentTaskId).
    // A test database's task table is small enough to read whole, so PostgreSQL is asked what it can use.
    String plan = new TransactionTemplate(transactionManager).execute(status -> {
      jdbc.sql("SET LOCAL enable_seqscan = off").update();
      return String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?")
          .param("some-task").query(String.class).list());
    });

    assertThat(plan).contains("zi_task_parent");
  }

  @Test
  void onPostgresASecondStartLeavesTheIndexesAsTheyAre() {
    assumeTrue(onPostgres(), "the indexes are made on PostgreSQL only");
    List<String> before = indexDefinitions();

    new EngineTableSetup().postProcessEngineBuild(engine);

    assertThat(indexDefinitions()).isEqualTo(before).hasSize(3);
  }

  private Job asynchronousJob() {
    deploymentId = engine.getRepositoryService().createDeployment().name(KEY)
        .addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
            .startEvent().camundaAsyncBefore().userTask().endEvent().done())
        .deploy().getId();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY);
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private boolean onPostgres() {
    return DbSqlSessionFactory.POSTGRES.equals(
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType());
  }

  private List<String> indexDefinitions() {
    return jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename IN ('act_ru_job', 'act_ru_task') "
        + "AND indexname LIKE 'zi_%' ORDER BY indexname").query(String.class).list();
  }
}
