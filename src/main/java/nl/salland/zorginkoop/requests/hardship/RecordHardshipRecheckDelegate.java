package nl.salland.zorginkoop.requests.hardship;

import java.math.BigDecimal;
import nl.salland.zorginkoop.requests.RequestInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The re-check of a hardheidsclausule agreement at the herschikking (004_fbae119c7f6fc4e4.txt:553), recorded in
 * {@code zi_hardship_agreement} in the transaction of the re-check task's completion: {@code stillEligible} true, or
 * false with the {@code clawBackAmount} that Salland claims back (required then, more than 0).
 */
@Component("recordHardshipRecheckDelegate")
public class RecordHardshipRecheckDelegate implements JavaDelegate {

  private final HardshipAgreements agreements;

  public RecordHardshipRecheckDelegate(HardshipAgreements agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean stillEligible = Boolean.TRUE.equals(execution.getVariable("stillEligible"));
    BigDecimal clawBack = stillEligible ? null
        : RequestInputs.positiveAmount(execution, "clawBackAmount", "when the provider no longer qualifies");
    agreements.recheck(execution.getProcessInstanceId(), clawBack);
  }
}
