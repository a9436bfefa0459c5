package nl.salland.zorginkoop.integration.carefinder;

import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.SimulatedInbox;
import nl.salland.zorginkoop.integration.SimulatorEnabled;
import nl.salland.zorginkoop.integration.carefinder.CareFinderClient.Listing;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-in for the care finder in the default profile: keeps the published providers in memory;
 * {@code GET /simulator/carefinder} lists them.
 */
@RestController
@RequestMapping("/simulator/carefinder")
@SimulatorEnabled
public class CareFinderSimulator {

  private final SimulatedInbox listings = new SimulatedInbox("ZZ-");

  @PostMapping(path = "/listings", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> publish(@RequestBody Listing listing,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("reference", listings.receive(idempotencyKey, listing).reference()));
  }

  @GetMapping
  List<SimulatedInbox.Entry> listings() {
    return listings.entries();
  }
}
