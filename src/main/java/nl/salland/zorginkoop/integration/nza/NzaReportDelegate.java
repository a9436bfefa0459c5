package nl.salland.zorginkoop.integration.nza;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.RemoteCallLog;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import nl.salland.zorginkoop.integration.nza.NzaClient.Report;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Files a report (melding) with the NZa at the end of the escalation ladder for the case ({@code agbCode},
 * {@code sector}, {@code contractYear}; optional {@code escalationSummary}) and writes {@code nzaReportReference}.
 * BPMN error {@value NzaProductionAgreementDelegate#REJECTED} when the NZa refuses it.
 */
@Component("nzaReportDelegate")
public class NzaReportDelegate implements JavaDelegate {

  private final NzaClient nza;
  private final RemoteCallLog calls;
  private final ObjectMapper json;

  public NzaReportDelegate(NzaClient nza, RemoteCallLog calls, ObjectMapper json) {
    this.nza = nza;
    this.calls = calls;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Report report = new Report(DelegateInputs.required(execution, "agbCode"),
        DelegateInputs.required(execution, "sector"), DelegateInputs.contractYear(execution),
        DelegateInputs.optionalJson(execution, "escalationSummary", json).orElse(null));
    IdempotencyKey key = IdempotencyKey.of(execution);
    try {
      execution.setVariable("nzaReportReference", calls.once(key, NzaClient.SYSTEM, () -> nza.file(report, key)));
    } catch (RemoteRejectedException e) {
      throw e.toBpmnError(NzaProductionAgreementDelegate.REJECTED);
    }
  }
}
