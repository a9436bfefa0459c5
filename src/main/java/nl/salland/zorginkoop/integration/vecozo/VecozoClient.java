package nl.salland.zorginkoop.integration.vecozo;

import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.IntegrationProperties;
import nl.salland.zorginkoop.integration.RemoteClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The VECOZO zorginkoopportaal: {@code POST {base-url}/proposals} publishes a proposal or questionnaire,
 * {@code POST {base-url}/proposals/{proposalId}/withdrawal} withdraws one. Both carry the idempotency key.
 */
@Component
public class VecozoClient {

  static final String SYSTEM = "vecozo";

  private final RestClient http;

  public VecozoClient(RemoteClients clients, IntegrationProperties properties) {
    this.http = clients.create(SYSTEM, properties.vecozo());
  }

  /** {@code caseReference} is the business key, which the portal returns with the signature. */
  public record ProposalRequest(String agbCode, String sector, int contractYear, VecozoDocumentType documentType,
      String caseReference) {
  }

  record ProposalPublished(String proposalId) {
  }

  /** Publishes the proposal and returns the portal's proposal id. */
  public String publish(ProposalRequest request, IdempotencyKey key) {
    ProposalPublished published = http.post()
        .uri("/proposals")
        .header(IdempotencyKey.HEADER, key.value())
        .body(request)
        .retrieve()
        .body(ProposalPublished.class);
    if (published == null || published.proposalId() == null || published.proposalId().isBlank()) {
      throw new IllegalStateException("VECOZO answered the publication without a proposalId");
    }
    return published.proposalId();
  }

  public void withdraw(String proposalId, IdempotencyKey key) {
    http.post()
        .uri("/proposals/{proposalId}/withdrawal", proposalId)
        .header(IdempotencyKey.HEADER, key.value())
        .retrieve()
        .toBodilessEntity();
  }
}
