package nl.salland.zorginkoop.integration;

/**
 * The remote failed (5xx) or asked us to come back later (408, 429): a technical failure. The job fails, the engine
 * retries it with the back-off of {@code failedJobRetryTimeCycle} and raises an incident when retries run out.
 */
public class RemoteUnavailableException extends RuntimeException {

  public RemoteUnavailableException(String system, int status, String request, String body) {
    super(system + " failed on " + request + " with HTTP " + status + RemoteRejectedException.bodyPart(body));
  }
}
