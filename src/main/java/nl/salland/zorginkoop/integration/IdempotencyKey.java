package nl.salland.zorginkoop.integration;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Identifies one effect of a process step on an outside system: {@code {processInstanceId}:{activityId}}. Sent as
 * HTTP header {@value #HEADER} so that the remote carries out a retried request only once, and kept with our own
 * records of the effect (remote-call log, mail outbox).
 */
public record IdempotencyKey(String value) {

  public static final String HEADER = "Idempotency-Key";

  public static IdempotencyKey of(DelegateExecution execution) {
    return new IdempotencyKey(execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId());
  }

  @Override
  public String toString() {
    return value;
  }
}
