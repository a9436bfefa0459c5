package nl.salland.zorginkoop.integration.vecozo;

import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.RemoteCallLog;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Withdraws the expired proposal {@code vecozoProposalId} from the VECOZO zorginkoopportaal. BPMN error
 * {@value VecozoPublishProposalDelegate#REJECTED} when the portal refuses (for instance: already signed).
 */
@Component("vecozoWithdrawProposalDelegate")
public class VecozoWithdrawProposalDelegate implements JavaDelegate {

  private final VecozoClient vecozo;
  private final RemoteCallLog calls;

  public VecozoWithdrawProposalDelegate(VecozoClient vecozo, RemoteCallLog calls) {
    this.vecozo = vecozo;
    this.calls = calls;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposalId = DelegateInputs.required(execution, "vecozoProposalId");
    IdempotencyKey key = IdempotencyKey.of(execution);
    try {
      calls.once(key, VecozoClient.SYSTEM, () -> {
        vecozo.withdraw(proposalId, key);
        return "WITHDRAWN " + proposalId;
      });
    } catch (RemoteRejectedException e) {
      throw e.toBpmnError(VecozoPublishProposalDelegate.REJECTED);
    }
  }
}
