package nl.salland.zorginkoop.integration.carefinder;

import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.RemoteCallLog;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import nl.salland.zorginkoop.integration.carefinder.CareFinderClient.Listing;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the contracted provider ({@code agbCode}, {@code sector}, {@code contractYear}) in the care finder so
 * insured people can find it, and writes {@code careFinderReference}. BPMN error {@value #REJECTED} when the care
 * finder refuses it.
 */
@Component("careFinderPublishDelegate")
public class CareFinderPublishDelegate implements JavaDelegate {

  public static final String REJECTED = "CAREFINDER_REJECTED";

  private final CareFinderClient careFinder;
  private final RemoteCallLog calls;

  public CareFinderPublishDelegate(CareFinderClient careFinder, RemoteCallLog calls) {
    this.careFinder = careFinder;
    this.calls = calls;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Listing listing = new Listing(DelegateInputs.required(execution, "agbCode"),
        DelegateInputs.required(execution, "sector"), DelegateInputs.contractYear(execution));
    IdempotencyKey key = IdempotencyKey.of(execution);
    try {
      execution.setVariable("careFinderReference",
          calls.once(key, CareFinderClient.SYSTEM, () -> careFinder.publish(listing, key)));
    } catch (RemoteRejectedException e) {
      throw e.toBpmnError(REJECTED);
    }
  }
}
