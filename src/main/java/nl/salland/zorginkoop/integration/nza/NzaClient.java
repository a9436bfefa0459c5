package nl.salland.zorginkoop.integration.nza;

import com.fasterxml.jackson.databind.JsonNode;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.IntegrationProperties;
import nl.salland.zorginkoop.integration.RemoteClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The NZa (Nederlandse Zorgautoriteit): {@code POST {base-url}/production-agreements} submits a Wlz production
 * agreement, {@code POST {base-url}/reports} files a report (melding). Each answers with the NZa's reference.
 */
@Component
public class NzaClient {

  static final String SYSTEM = "nza";

  private final RestClient http;

  public NzaClient(RemoteClients clients, IntegrationProperties properties) {
    this.http = clients.create(SYSTEM, properties.nza());
  }

  public record ProductionAgreement(String agbCode, int contractYear, JsonNode productionAgreement) {
  }

  public record Report(String agbCode, String sector, int contractYear, JsonNode escalationSummary) {
  }

  record Received(String reference) {
  }

  public String submit(ProductionAgreement agreement, IdempotencyKey key) {
    return post("/production-agreements", agreement, key);
  }

  public String file(Report report, IdempotencyKey key) {
    return post("/reports", report, key);
  }

  private String post(String path, Object body, IdempotencyKey key) {
    Received received = http.post()
        .uri(path)
        .header(IdempotencyKey.HEADER, key.value())
        .body(body)
        .retrieve()
        .body(Received.class);
    if (received == null || received.reference() == null || received.reference().isBlank()) {
      throw new IllegalStateException("NZa answered " + path + " without a reference");
    }
    return received.reference();
  }
}
