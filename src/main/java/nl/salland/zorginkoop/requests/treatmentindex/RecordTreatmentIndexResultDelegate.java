package nl.salland.zorginkoop.requests.treatmentindex;

import java.time.LocalDate;
import java.time.ZoneId;
import nl.salland.zorginkoop.requests.RequestInputs;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Records where a behandelindex review stands in {@code zi_treatment_index_result}: the index year
 * ({@code contractYear}), the contracting round that weighs it ({@code weighedInContractYear}, decision
 * treatmentIndexFollowUp), the published figures, the assessment ({@code treatmentIndexOutcome}), the result of this
 * step (input {@code reviewResult}), and what the dialogue and improvement trajectory produced so far. An agreed
 * trajectory without goals or without an end date after today refuses the dialogue task's completion.
 */
@Component("recordTreatmentIndexResultDelegate")
public class RecordTreatmentIndexResultDelegate implements JavaDelegate {

  private final TreatmentIndexResults results;

  public RecordTreatmentIndexResultDelegate(TreatmentIndexResults results) {
    this.results = results;
  }

  /** The result of the step at which a trajectory was agreed: it needs its goals and an end date still to come. */
  static final String TRAJECTORY_AGREED = "IMPROVEMENT_TRAJECTORY_AGREED";

  @Override
  public void execute(DelegateExecution execution) {
    if (TRAJECTORY_AGREED.equals(execution.getVariable("reviewResult"))) {
      requireTrajectory(execution);
    }
    Object patients = execution.getVariable("uniquePatients");
    results.record(new TreatmentIndexResults.Result(RequestInputs.agbCode(execution),
        RequestInputs.contractYear(execution),
        ((Number) execution.getVariable("weighedInContractYear")).intValue(),
        RequestInputs.optionalAmount(execution, "treatmentIndex").orElse(null),
        patients == null ? null : ((Number) patients).intValue(),
        (String) execution.getVariable("treatmentIndexOutcome"),
        (String) execution.getVariable("reviewResult"),
        RequestInputs.text(execution, "dialogueSummary"),
        RequestInputs.text(execution, "trajectoryGoals"),
        RequestInputs.optionalDay(execution, "trajectoryEndDate").orElse(null),
        RequestInputs.text(execution, "trajectoryResult"),
        RequestInputs.text(execution, "trajectoryEvaluation"),
        execution.getProcessInstanceId()));
  }

  private static void requireTrajectory(DelegateExecution execution) {
    if (RequestInputs.text(execution, "trajectoryGoals") == null) {
      throw new InvalidInputException("trajectoryGoals", "is required when an improvement trajectory is agreed");
    }
    LocalDate end = RequestInputs.optionalDay(execution, "trajectoryEndDate").orElseThrow(() ->
        new InvalidInputException("trajectoryEndDate", "is required when an improvement trajectory is agreed"));
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate();
    if (!end.isAfter(today)) {
      throw new InvalidInputException("trajectoryEndDate", "must lie after today (" + today + "), got " + end);
    }
  }
}
