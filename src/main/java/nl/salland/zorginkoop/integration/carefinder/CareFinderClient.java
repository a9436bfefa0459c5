package nl.salland.zorginkoop.integration.carefinder;

import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.IntegrationProperties;
import nl.salland.zorginkoop.integration.RemoteClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The care finder (zorgzoeker) on Salland's websites: {@code POST {base-url}/listings} publishes a contracted
 * provider for a sector and year and answers with the listing's reference.
 */
@Component
public class CareFinderClient {

  static final String SYSTEM = "carefinder";

  private final RestClient http;

  public CareFinderClient(RemoteClients clients, IntegrationProperties properties) {
    this.http = clients.create(SYSTEM, properties.carefinder());
  }

  public record Listing(String agbCode, String sector, int contractYear) {
  }

  record Published(String reference) {
  }

  public String publish(Listing listing, IdempotencyKey key) {
    Published published = http.post()
        .uri("/listings")
        .header(IdempotencyKey.HEADER, key.value())
        .body(listing)
        .retrieve()
        .body(Published.class);
    if (published == null || published.reference() == null || published.reference().isBlank()) {
      throw new IllegalStateException("The care finder answered the listing without a reference");
    }
    return published.reference();
  }
}
