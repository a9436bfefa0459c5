package nl.salland.zorginkoop.contracting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.salland.zorginkoop.contracting.RoundStarter.RoundRequest;
import nl.salland.zorginkoop.contracting.RoundStarter.Started;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import nl.salland.zorginkoop.validation.CaseVariables;
import nl.salland.zorginkoop.validation.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/rounds}: starts the contracting rounds of a season in one request (see README.md). Every round is
 * checked before any starts: one bad entry refuses the whole request with a 400 naming its position and field. Staff
 * may start rounds of their own sector only.
 */
@RestController
public class RoundsController {

  static final int MAX_ROUNDS = 50_000;
  private static final List<String> REQUIRED = List.of("agbCode", "sector", "contractYear", "providerStatus",
      "contractingMode");

  private final RoundStarter starter;

  public RoundsController(RoundStarter starter) {
    this.starter = starter;
  }

  public record RoundsRequest(List<RoundRequest> rounds) {
  }

  @PostMapping(path = "/api/rounds", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Started> start(@RequestBody RoundsRequest request, Authentication user) {
    List<RoundRequest> rounds = request == null || request.rounds() == null ? List.of() : request.rounds();
    if (rounds.isEmpty() || rounds.size() > MAX_ROUNDS) {
      throw new InvalidInputException("rounds", "must hold between 1 and " + MAX_ROUNDS + " rounds");
    }
    List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    Set<Sector> handled = starter.startRequirements().allowedSectors();
    for (int i = 0; i < rounds.size(); i++) {
      check(i, rounds.get(i), groups, handled);
    }
    return ResponseEntity.ok(starter.startAll(rounds));
  }

  private static void check(int index, RoundRequest round, List<String> groups, Set<Sector> handled) {
    if (round == null) {
      throw new InvalidInputException("rounds[" + index + "]", "is empty");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("agbCode", round.agbCode());
    variables.put("sector", round.sector());
    variables.put("contractYear", round.contractYear());
    variables.put("providerStatus", round.providerStatus());
    variables.put("contractingMode", round.contractingMode());
    List<InvalidInputException> problems = new ArrayList<>(CaseVariables.problems(variables, REQUIRED, handled));
    if (!problems.isEmpty()) {
      InvalidInputException first = problems.get(0);
      throw new InvalidInputException("rounds[" + index + "]." + first.field(), first.reason());
    }
    Sector sector = Sector.valueOf(round.sector());
    if (!groups.contains(Groups.ADMINS) && !groups.contains(sector.staffGroup())) {
      throw new InvalidInputException("rounds[" + index + "].sector",
          "you may start rounds of your own sector only, not " + sector);
    }
  }
}
