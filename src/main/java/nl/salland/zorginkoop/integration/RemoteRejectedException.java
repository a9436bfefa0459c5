package nl.salland.zorginkoop.integration;

import org.camunda.bpm.engine.delegate.BpmnError;

/** The remote refused the request (4xx): retrying will not help, the process decides what happens next. */
public class RemoteRejectedException extends RuntimeException {

  private static final int MAX_BODY = 500;

  private final int status;

  public RemoteRejectedException(String system, int status, String request, String body) {
    super(system + " refused " + request + " with HTTP " + status + bodyPart(body));
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The business error the process catches with a boundary event; the message keeps the remote's answer. */
  public BpmnError toBpmnError(String errorCode) {
    return new BpmnError(errorCode, getMessage());
  }

  static String bodyPart(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String trimmed = body.strip();
    return ": " + (trimmed.length() > MAX_BODY ? trimmed.substring(0, MAX_BODY) + "…" : trimmed);
  }
}
