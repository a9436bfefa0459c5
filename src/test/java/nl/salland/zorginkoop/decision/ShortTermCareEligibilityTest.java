package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.SHORT_TERM;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class ShortTermCareEligibilityTest {

  @Autowired
  DecisionService decisions;

  private static final String S = SHORT_TERM + ":";
  private static final Map<String, Object> ELIGIBLE = vars("eligible", true, "reason", null);

  private static Map<String, Object> notEligible(String reason) {
    return vars("eligible", false, "reason", reason);
  }

  static Stream<DecisionCase> cases() {
    return Stream.of(
        expect(S + "387 GRZ met 10 bedden ('ten minste tien'): ja", ELIGIBLE, "careProduct", "GRZ", "grzBeds", 10),
        expect(S + "387 GRZ met 9 bedden: nee", notEligible(
                "Minder dan tien GRZ-bedden voor CVA, Orthopedie, Trauma en Overig samen (000_5b3b4acc3ecb3548.txt:387)"),
            "careProduct", "GRZ", "grzBeds", 9),
        expect(S + "387 GRZ met 40 bedden: ja", ELIGIBLE, "careProduct", "GRZ", "grzBeds", 40),
        expect(S + "400-414 ELV laag complex: ja", ELIGIBLE, "careProduct", "ELV_LOW_COMPLEX"),
        expect(S + "407 ELV hoog complex met GRZ-overeenkomst: ja", ELIGIBLE, "careProduct", "ELV_HIGH_COMPLEX", "hasGrzContract", true),
        expect(S + "407 ELV hoog complex zonder GRZ-overeenkomst: nee", notEligible(
                "ELV hoog complex vraagt GRZ-aanbod en een geldige GRZ-overeenkomst met Salland (000_5b3b4acc3ecb3548.txt:407, "
                    + "000_5b3b4acc3ecb3548.txt:582); een uitzondering alleen bij een knelpunt in de zorgplicht "
                    + "(000_5b3b4acc3ecb3548.txt:117)"),
            "careProduct", "ELV_HIGH_COMPLEX", "hasGrzContract", false),
        expect(S + "416-421 ELV palliatief terminale zorg: ja", ELIGIBLE, "careProduct", "ELV_PALLIATIVE"),
        expect(S + "441 Korsakov-unit van 10 bedden ('minimaal 10'): ja", ELIGIBLE, "careProduct", "ELV_KORSAKOV", "unitBeds", 10),
        expect(S + "441 Korsakov-unit van 9 bedden: nee", notEligible("De unit Korsakov heeft minder dan 10 bedden (000_5b3b4acc3ecb3548.txt:441)"),
            "careProduct", "ELV_KORSAKOV", "unitBeds", 9),
        expect(S + "454 gesloten herstel met 10 bedden: ja", ELIGIBLE, "careProduct", "ELV_CLOSED_RECOVERY", "unitBeds", 10),
        expect(S + "454 gesloten herstel met 9 bedden: nee",
            notEligible("De unit gesloten herstel heeft minder dan 10 bedden (000_5b3b4acc3ecb3548.txt:454)"),
            "careProduct", "ELV_CLOSED_RECOVERY", "unitBeds", 9),
        expect(S + "459-474 GZSP: ja", ELIGIBLE, "careProduct", "GZSP"),
        expect(S + "387 GRZ-bedden tellen niet voor ELV laag complex", ELIGIBLE, "careProduct", "ELV_LOW_COMPLEX", "grzBeds", 0),
        fails(S + "387 GRZ zonder aantal bedden: fout die grzBeds noemt", "grzBeds", "careProduct", "GRZ"),
        fails(S + "387 negatief aantal GRZ-bedden: fout die grzBeds noemt", "grzBeds", "careProduct", "GRZ", "grzBeds", -1),
        fails(S + "407 hoog complex, GRZ-overeenkomst onbekend: fout die hasGrzContract noemt", "hasGrzContract", "careProduct", "ELV_HIGH_COMPLEX"),
        fails(S + "441 Korsakov zonder aantal bedden: fout die unitBeds noemt", "unitBeds", "careProduct", "ELV_KORSAKOV"),
        fails(S + "454 gesloten herstel zonder aantal bedden: fout die unitBeds noemt", "unitBeds", "careProduct", "ELV_CLOSED_RECOVERY"),
        fails(S + "340-344 zonder zorgproduct: fout die careProduct noemt", "careProduct", "grzBeds", 12),
        fails(S + "340-344 onbekend zorgproduct WIJKVERPLEGING: fout die careProduct noemt", "careProduct", "careProduct", "WIJKVERPLEGING"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "shortTermCareEligibility");
  }

  @Test
  void everyUnmetRequirementCitesThePolicy() {
    Map<String, Object> result = DecisionCase.evaluate(decisions, "shortTermCareEligibility",
        vars("careProduct", "GRZ", "grzBeds", 0));
    assertThat((String) result.get("reason")).containsPattern("\\d{3}_[0-9a-f]{16}\\.txt:\\d+");
  }
}
