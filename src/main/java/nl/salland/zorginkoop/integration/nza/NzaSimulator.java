package nl.salland.zorginkoop.integration.nza;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.SimulatedInbox;
import nl.salland.zorginkoop.integration.SimulatorEnabled;
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
 * Stand-in for the NZa in the default profile: receives production agreements and reports in memory and answers
 * with a reference; {@code GET /simulator/nza} shows what it received.
 */
@RestController
@RequestMapping("/simulator/nza")
@SimulatorEnabled
public class NzaSimulator {

  private final SimulatedInbox productionAgreements = new SimulatedInbox("NZA-PA-");
  private final SimulatedInbox reports = new SimulatedInbox("NZA-M-");

  @PostMapping(path = "/production-agreements", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> submit(@RequestBody JsonNode agreement,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    return received(productionAgreements.receive(idempotencyKey, agreement));
  }

  @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> file(@RequestBody JsonNode report,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    return received(reports.receive(idempotencyKey, report));
  }

  @GetMapping
  Map<String, List<SimulatedInbox.Entry>> received() {
    return Map.of("productionAgreements", productionAgreements.entries(), "reports", reports.entries());
  }

  private static ResponseEntity<Map<String, String>> received(SimulatedInbox.Entry entry) {
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", entry.reference()));
  }
}
