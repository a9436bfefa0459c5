package nl.salland.zorginkoop.integration.nza;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.RemoteCallLog;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import nl.salland.zorginkoop.integration.nza.NzaClient.ProductionAgreement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Submits the Wlz production agreement of {@code agbCode} and {@code contractYear} (optional
 * {@code productionAgreement}, passed on as JSON) to the NZa and writes {@code nzaSubmissionReference}. BPMN error
 * {@value #REJECTED} when the NZa refuses it.
 */
@Component("nzaProductionAgreementDelegate")
public class NzaProductionAgreementDelegate implements JavaDelegate {

  public static final String REJECTED = "NZA_REJECTED";

  private final NzaClient nza;
  private final RemoteCallLog calls;
  private final ObjectMapper json;

  public NzaProductionAgreementDelegate(NzaClient nza, RemoteCallLog calls, ObjectMapper json) {
    this.nza = nza;
    this.calls = calls;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProductionAgreement agreement = new ProductionAgreement(DelegateInputs.required(execution, "agbCode"),
        DelegateInputs.contractYear(execution),
        DelegateInputs.optionalJson(execution, "productionAgreement", json).orElse(null));
    IdempotencyKey key = IdempotencyKey.of(execution);
    try {
      execution.setVariable("nzaSubmissionReference",
          calls.once(key, NzaClient.SYSTEM, () -> nza.submit(agreement, key)));
    } catch (RemoteRejectedException e) {
      throw e.toBpmnError(REJECTED);
    }
  }
}
