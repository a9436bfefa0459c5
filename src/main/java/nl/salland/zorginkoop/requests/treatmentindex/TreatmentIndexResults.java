package nl.salland.zorginkoop.requests.treatmentindex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The result of a physiotherapy practice's behandelindex review in our own table {@code zi_treatment_index_result},
 * kept for the contracting round that weighs it (002_d8da34609ae20a88.txt:495). One row per practice and index year:
 * a later step of the same review, or a new review of the same year, replaces it.
 */
@Repository
public class TreatmentIndexResults {

  public record Result(String agbCode, int indexYear, int weighedInContractYear, BigDecimal treatmentIndex,
      Integer uniquePatients, String assessment, String result, String dialogueSummary, String trajectoryGoals,
      LocalDate trajectoryEndDate, String trajectoryResult, String trajectoryEvaluation, String processInstanceId) {
  }

  private final JdbcClient jdbc;

  public TreatmentIndexResults(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(Result result) {
    jdbc.sql("DELETE FROM zi_treatment_index_result WHERE agb_code = :agb AND index_year = :year")
        .param("agb", result.agbCode())
        .param("year", result.indexYear())
        .update();
    jdbc.sql("""
            INSERT INTO zi_treatment_index_result (agb_code, index_year, weighed_in_contract_year, treatment_index,
              unique_patients, assessment, result, dialogue_summary, trajectory_goals, trajectory_end_date,
              trajectory_result, trajectory_evaluation, process_instance_id, recorded_at)
            VALUES (:agb, :year, :weighedIn, :index, :patients, :assessment, :result, :dialogue, :goals, :endDate,
              :trajectoryResult, :evaluation, :pi, :now)""")
        .param("agb", result.agbCode())
        .param("year", result.indexYear())
        .param("weighedIn", result.weighedInContractYear())
        .param("index", result.treatmentIndex())
        .param("patients", result.uniquePatients())
        .param("assessment", result.assessment())
        .param("result", result.result())
        .param("dialogue", result.dialogueSummary())
        .param("goals", result.trajectoryGoals())
        .param("endDate", result.trajectoryEndDate())
        .param("trajectoryResult", result.trajectoryResult())
        .param("evaluation", result.trajectoryEvaluation())
        .param("pi", result.processInstanceId())
        .param("now", OffsetDateTime.now())
        .update();
  }

  public Optional<Result> find(String agbCode, int indexYear) {
    return jdbc.sql("SELECT * FROM zi_treatment_index_result WHERE agb_code = :agb AND index_year = :year")
        .param("agb", agbCode)
        .param("year", indexYear)
        .query((rs, row) -> new Result(rs.getString("agb_code"), rs.getInt("index_year"),
            rs.getInt("weighed_in_contract_year"), rs.getBigDecimal("treatment_index"),
            (Integer) rs.getObject("unique_patients", Integer.class), rs.getString("assessment"),
            rs.getString("result"), rs.getString("dialogue_summary"), rs.getString("trajectory_goals"),
            rs.getObject("trajectory_end_date", LocalDate.class), rs.getString("trajectory_result"),
            rs.getString("trajectory_evaluation"), rs.getString("process_instance_id")))
        .optional();
  }
}
