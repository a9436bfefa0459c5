package nl.salland.zorginkoop.integration.vecozo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the VECOZO adapter delivers to us, with HTTP Basic as a user of group {@code systeemkoppeling}:
 * <ul>
 *   <li>{@code POST /api/vecozo/signatures}: a provider signed a proposal; correlates {@code ContractSigned}. 200 when
 *       correlated or already received before (a duplicate delivery), 404 without a running case, 409 when the case
 *       does not wait for a signature;</li>
 *   <li>{@code POST /api/vecozo/wlz-registrations}: starts {@code wlzRegistration}. 201 when started, 200 when the
 *       case already runs.</li>
 * </ul>
 * Bad payloads get a 400 naming the field.
 */
@RestController
@RequestMapping(path = "/api/vecozo", consumes = MediaType.APPLICATION_JSON_VALUE)
class VecozoInboundController {

  private final ContractSignatures signatures;
  private final WlzRegistrations registrations;

  VecozoInboundController(ContractSignatures signatures, WlzRegistrations registrations) {
    this.signatures = signatures;
    this.registrations = registrations;
  }

  @PostMapping("/signatures")
  ResponseEntity<Map<String, Object>> signature(@RequestBody JsonNode body) {
    ContractSignatures.Outcome outcome = signatures.receive(SignatureNotice.from(body));
    HttpStatus status = switch (outcome.status()) {
      case CORRELATED, ALREADY_RECEIVED -> HttpStatus.OK;
      case NO_MATCHING_CASE -> HttpStatus.NOT_FOUND;
      case CASE_NOT_WAITING -> HttpStatus.CONFLICT;
    };
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("status", outcome.status().name());
    answer.put("businessKey", outcome.businessKey());
    answer.put("processInstanceId", outcome.processInstanceId());
    answer.put("message", outcome.message());
    return ResponseEntity.status(status).body(answer);
  }

  @PostMapping("/wlz-registrations")
  ResponseEntity<Map<String, Object>> wlzRegistration(@RequestBody JsonNode body) {
    WlzRegistrations.Outcome outcome = registrations.start(WlzRegistrations.startVariables(body));
    return ResponseEntity.status(outcome.started() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("status", outcome.started() ? "STARTED" : "ALREADY_RUNNING",
            "businessKey", outcome.businessKey(), "processInstanceId", outcome.processInstanceId()));
  }
}
