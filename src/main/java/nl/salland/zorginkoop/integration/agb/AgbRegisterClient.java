package nl.salland.zorginkoop.integration.agb;

import java.util.Optional;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.IntegrationProperties;
import nl.salland.zorginkoop.integration.RemoteClients;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import nl.salland.zorginkoop.provider.AgbCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The AGB register (Vektis): {@code GET {base-url}/providers/{agbCode}}. */
@Component
public class AgbRegisterClient {

  static final String SYSTEM = "agb";

  private final RestClient http;

  public AgbRegisterClient(RemoteClients clients, IntegrationProperties properties) {
    this.http = clients.create(SYSTEM, properties.agb());
  }

  /** The provider's registration; empty when the register does not know the code (404). */
  public Optional<AgbRegistration> lookUp(AgbCode agbCode, IdempotencyKey key) {
    try {
      return Optional.ofNullable(http.get()
          .uri("/providers/{agbCode}", agbCode.value())
          .header(IdempotencyKey.HEADER, key.value())
          .retrieve()
          .body(AgbRegistration.class));
    } catch (RemoteRejectedException e) {
      if (e.status() == HttpStatus.NOT_FOUND.value()) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
