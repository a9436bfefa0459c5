package nl.salland.zorginkoop.integration.vecozo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.SimulatorEnabled;
import nl.salland.zorginkoop.integration.vecozo.VecozoClient.ProposalRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Stand-in for the VECOZO zorginkoopportaal in the default profile, in memory. The API our client uses
 * ({@code /simulator/vecozo/proposals}, honouring Idempotency-Key), and a page {@code /simulator/vecozo} where a demo
 * user plays the provider: sign a published proposal ("Tekenen") or submit a Wlz registration. The page then calls
 * our inbound endpoints as the VECOZO adapter does, with the technical user of
 * {@code zorginkoop.simulator.vecozo-user}.
 */
@RestController
@RequestMapping("/simulator/vecozo")
@SimulatorEnabled
public class VecozoSimulator {

  enum ProposalStatus {
    PUBLISHED,
    SIGNED,
    WITHDRAWN
  }

  record Proposal(String proposalId, ProposalRequest request, ProposalStatus status) {
    Proposal with(ProposalStatus newStatus) {
      return new Proposal(proposalId, request, newStatus);
    }
  }

  private final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
  private final Map<String, String> proposalIdByIdempotencyKey = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private final RestClient.Builder restClients;
  private final String callbackUser;
  private final String callbackPassword;

  public VecozoSimulator(RestClient.Builder restClients,
      @Value("${zorginkoop.simulator.vecozo-user}") String callbackUser,
      @Value("${zorginkoop.simulator.vecozo-password}") String callbackPassword) {
    this.restClients = restClients;
    this.callbackUser = callbackUser;
    this.callbackPassword = callbackPassword;
  }

  @PostMapping(path = "/proposals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> publish(@RequestBody ProposalRequest request,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
    String proposalId = idempotencyKey == null ? create(request)
        : proposalIdByIdempotencyKey.computeIfAbsent(idempotencyKey, key -> create(request));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("proposalId", proposalId));
  }

  private String create(ProposalRequest request) {
    String id = "VZ-%06d".formatted(numbers.incrementAndGet());
    proposals.put(id, new Proposal(id, request, ProposalStatus.PUBLISHED));
    return id;
  }

  /** Withdrawing twice is harmless; a signed proposal can no longer be withdrawn (409). */
  @PostMapping("/proposals/{proposalId}/withdrawal")
  ResponseEntity<Map<String, String>> withdraw(@PathVariable String proposalId) {
    Proposal proposal = proposals.get(proposalId);
    if (proposal == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", "Onbekend voorstel " + proposalId));
    }
    if (proposal.status() == ProposalStatus.SIGNED) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(Map.of("message", "Voorstel " + proposalId + " is al ondertekend"));
    }
    proposals.put(proposalId, proposal.with(ProposalStatus.WITHDRAWN));
    return ResponseEntity.ok(Map.of("proposalId", proposalId, "status", ProposalStatus.WITHDRAWN.name()));
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  String page(@RequestParam(name = "melding", required = false) String message) {
    String rows = proposals.values().stream()
        .sorted((a, b) -> b.proposalId().compareTo(a.proposalId()))
        .map(VecozoSimulator::row)
        .collect(Collectors.joining("\n"));
    return """
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><title>VECOZO zorginkoopportaal (simulator)</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;
        padding:4px 8px}.melding{background:#ffd;padding:8px;border:1px solid #cc9}</style></head><body>
        <h1>VECOZO zorginkoopportaal (simulator)</h1>
        <p>Staat in voor VECOZO in het demoprofiel. Als zorgaanbieder tekent u hier een gepubliceerd
        contractvoorstel; de simulator meldt de ondertekening aan zorginkoop zoals de VECOZO-koppeling dat doet.</p>
        %s
        <h2>Voorstellen en uitvragen</h2>
        <table><tr><th>Voorstel</th><th>AGB-code</th><th>Sector</th><th>Jaar</th><th>Soort</th><th>Status</th><th></th></tr>
        %s
        </table>
        <h2>Wlz-aanmelding indienen</h2>
        <form method="post" action="/simulator/vecozo/wlz-registrations">
          <label>AGB-code <input name="agbCode" required pattern="[0-9]{8}"></label>
          <label>Contractjaar <input name="contractYear" required type="number" value="%d"></label>
          <label><input type="checkbox" name="complete" value="true" checked> Aanmelding compleet</label>
          <button type="submit">Aanmelden</button>
        </form>
        </body></html>
        """.formatted(message == null ? "" : "<p class=\"melding\">" + htmlEscape(message) + "</p>", rows,
        OffsetDateTime.now().getYear() + 1);
  }

  /** The demo user signs: we deliver the signature to zorginkoop as the VECOZO adapter would. */
  @PostMapping("/proposals/{proposalId}/signature")
  ResponseEntity<Void> sign(@PathVariable String proposalId) {
    Proposal proposal = proposals.get(proposalId);
    if (proposal == null || proposal.status() != ProposalStatus.PUBLISHED) {
      return backToPage("Voorstel " + proposalId + " kan niet (meer) getekend worden");
    }
    ProposalRequest request = proposal.request();
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("proposalId", proposalId);
    notice.put("agbCode", request.agbCode());
    notice.put("sector", request.sector());
    notice.put("contractYear", request.contractYear());
    notice.put("signedAt", OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")).truncatedTo(ChronoUnit.SECONDS)
        .toString());
    Answer answer = deliver("/api/vecozo/signatures", notice);
    if (answer.ok()) {
      proposals.put(proposalId, proposal.with(ProposalStatus.SIGNED));
    }
    return backToPage("Tekenen " + proposalId + ": HTTP " + answer.status() + " " + answer.body());
  }

  @PostMapping(path = "/wlz-registrations", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> registerWlz(@RequestParam String agbCode, @RequestParam String contractYear,
      @RequestParam(defaultValue = "false") boolean complete) {
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("agbCode", agbCode);
    registration.put("contractYear", contractYear.matches("\\d{4}") ? Integer.parseInt(contractYear) : contractYear);
    registration.put("registeredAt", OffsetDateTime.now(ZoneId.of("Europe/Amsterdam"))
        .truncatedTo(ChronoUnit.SECONDS).toString());
    registration.put("complete", complete);
    Answer answer = deliver("/api/vecozo/wlz-registrations", registration);
    return backToPage("Wlz-aanmelding " + agbCode + ": HTTP " + answer.status() + " " + answer.body());
  }

  record Answer(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private Answer deliver(String path, Map<String, Object> payload) {
    String zorginkoop = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    return restClients.build().post()
        .uri(zorginkoop + path)
        .headers(headers -> headers.setBasicAuth(callbackUser, callbackPassword))
        .contentType(MediaType.APPLICATION_JSON)
        .body(payload)
        .exchange((request, response) -> new Answer(response.getStatusCode().value(),
            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
  }

  private static ResponseEntity<Void> backToPage(String message) {
    URI page = UriComponentsBuilder.fromPath("/simulator/vecozo").queryParam("melding", "{melding}").encode()
        .buildAndExpand(message).toUri();
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
  }

  private static String row(Proposal proposal) {
    ProposalRequest request = proposal.request();
    boolean signable = proposal.status() == ProposalStatus.PUBLISHED
        && request.documentType() == VecozoDocumentType.PROPOSAL;
    String action = signable
        ? "<form method=\"post\" action=\"/simulator/vecozo/proposals/" + htmlEscape(proposal.proposalId())
            + "/signature\"><button type=\"submit\">Tekenen</button></form>"
        : "";
    return "<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>".formatted(
        htmlEscape(proposal.proposalId()), htmlEscape(request.agbCode()), htmlEscape(request.sector()),
        request.contractYear(), request.documentType(), proposal.status(), action);
  }
}
