package nl.salland.zorginkoop.integration.vecozo;

import java.util.Arrays;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.RemoteCallLog;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import nl.salland.zorginkoop.integration.vecozo.VecozoClient.ProposalRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes a contract proposal or questionnaire (input {@code documentType}, default PROPOSAL) for the case
 * ({@code agbCode}, {@code sector}, {@code contractYear}) in the VECOZO zorginkoopportaal and writes
 * {@code vecozoProposalId}. BPMN error {@value #REJECTED} when the portal refuses it.
 */
@Component("vecozoPublishProposalDelegate")
public class VecozoPublishProposalDelegate implements JavaDelegate {

  public static final String REJECTED = "VECOZO_REJECTED";

  private final VecozoClient vecozo;
  private final RemoteCallLog calls;

  public VecozoPublishProposalDelegate(VecozoClient vecozo, RemoteCallLog calls) {
    this.vecozo = vecozo;
    this.calls = calls;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProposalRequest request = new ProposalRequest(DelegateInputs.required(execution, "agbCode"),
        DelegateInputs.required(execution, "sector"), DelegateInputs.contractYear(execution),
        documentType(execution), execution.getProcessBusinessKey());
    IdempotencyKey key = IdempotencyKey.of(execution);
    try {
      String proposalId = calls.once(key, VecozoClient.SYSTEM, () -> vecozo.publish(request, key));
      execution.setVariable("vecozoProposalId", proposalId);
    } catch (RemoteRejectedException e) {
      throw e.toBpmnError(REJECTED);
    }
  }

  private static VecozoDocumentType documentType(DelegateExecution execution) {
    String value = DelegateInputs.optional(execution, "documentType").orElse(VecozoDocumentType.PROPOSAL.name());
    return Arrays.stream(VecozoDocumentType.values()).filter(type -> type.name().equals(value)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Input 'documentType' of activity '"
            + execution.getCurrentActivityId() + "' must be PROPOSAL or QUESTIONNAIRE, got '" + value + "'"));
  }
}
