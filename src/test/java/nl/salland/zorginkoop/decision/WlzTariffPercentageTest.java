package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;

import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class WlzTariffPercentageTest {

  @Autowired
  DecisionService decisions;

  static Stream<DecisionCase> cases() {
    String w = WLZ + ":";
    return Stream.of(
        expect(w + "490 nieuwe zorgaanbieder, cluster 95.5: 2 procentpunt lager, 93.5", vars("tariffPercentage", 93.5),
            "providerCategory", "NEW", "clusterStartingPercentage", 95.5),
        expect(w + "490 nieuwe zorgaanbieder, cluster 100: 98", vars("tariffPercentage", 98.0),
            "providerCategory", "NEW", "clusterStartingPercentage", 100),
        expect(w + "490 bestaande zorgaanbieder: het vertrektarief van het cluster", vars("tariffPercentage", 95.5),
            "providerCategory", "EXISTING", "clusterStartingPercentage", 95.5),
        expect(w + "490 bestaand maar nieuw voor het zorgkantoor: geen korting", vars("tariffPercentage", 95.5),
            "providerCategory", "EXISTING_NEW_TO_OFFICE", "clusterStartingPercentage", 95.5),
        fails(w + "803 vertrektarief onbekend: fout die clusterStartingPercentage noemt", "clusterStartingPercentage",
            "providerCategory", "NEW"),
        fails(w + "435 vertrektarief 100.5: fout die clusterStartingPercentage noemt", "clusterStartingPercentage",
            "providerCategory", "EXISTING", "clusterStartingPercentage", 100.5),
        fails(w + "631-645 categorie onbekend: fout die providerCategory noemt", "providerCategory",
            "clusterStartingPercentage", 95.5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "wlzTariffPercentage");
  }
}
