package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class PhysiotherapyContractTypeTest {

  @Autowired
  DecisionService decisions;

  private static final String P = PARAMEDICAL + ":";

  private static Map<String, Object> type(String value) {
    return vars("contractType", value);
  }

  /** A practice that meets every condition of contract A; each case changes what it tests. */
  private static Object[] practiceA(Object... overrides) {
    Map<String, Object> v = vars("meetsBaseRequirements", true, "cooperationDisciplines", 1,
        "specialisedTherapistPercentage", 50, "distinctSpecialisations", 0, "eveningWeekendDayparts", 2,
        "qualityCertificate", "HKZ");
    v.putAll(vars(overrides));
    List<Object> kv = new ArrayList<>();
    v.forEach((k, value) -> {
      kv.add(k);
      kv.add(value);
    });
    return kv.toArray();
  }

  static Stream<DecisionCase> cases() {
    return Stream.of(
        expect(P + "476-483 alle voorwaarden, precies 50 procent verbijzonderd ('tenminste 50 procent'): A", type("A"), practiceA()),
        expect(P + "478 49.99 procent en 2 soorten verbijzonderingen: B", type("B"),
            practiceA("specialisedTherapistPercentage", 49.99, "distinctSpecialisations", 2)),
        expect(P + "478 49.99 procent maar 3 soorten ('minimaal drie verschillende'): A", type("A"),
            practiceA("specialisedTherapistPercentage", 49.99, "distinctSpecialisations", 3)),
        expect(P + "478 0 procent en 3 soorten bij één fysiotherapeut: A", type("A"),
            practiceA("specialisedTherapistPercentage", 0, "distinctSpecialisations", 3)),
        expect(P + "478 100 procent verbijzonderd: A", type("A"), practiceA("specialisedTherapistPercentage", 100)),
        expect(P + "477 geen samenwerkingsafspraak met een andere discipline: B", type("B"),
            practiceA("cooperationDisciplines", 0)),
        expect(P + "477 één andere discipline ('ten minste één'): A", type("A"), practiceA("cooperationDisciplines", 1)),
        expect(P + "479 één dagdeel na 17.00 uur of in het weekend: B", type("B"), practiceA("eveningWeekendDayparts", 1)),
        expect(P + "479 twee keer 3 uur: A", type("A"), practiceA("eveningWeekendDayparts", 2)),
        expect(P + "480-483 geen certificaat of registratie: B", type("B"), practiceA("qualityCertificate", "NONE")),
        expect(P + "481 HKZ-certificaat: A", type("A"), practiceA("qualityCertificate", "HKZ")),
        expect(P + "482 SKF praktijkregister Label Keurmerk: A", type("A"), practiceA("qualityCertificate", "SKF_KEURMERK")),
        expect(P + "483 NEN-EN 15224: A", type("A"), practiceA("qualityCertificate", "NEN_EN_15224")),
        expect(P + "428 basiseisen niet vervuld, aanvullende voorwaarden wel: geen overeenkomst", type("NONE"),
            practiceA("meetsBaseRequirements", false)),
        expect(P + "428 basiseisen niet vervuld, rest onbekend: geen overeenkomst", type("NONE"), "meetsBaseRequirements", false),
        expect(P + "477 geen samenwerking, de rest onbekend: zeker B", type("B"),
            "meetsBaseRequirements", true, "cooperationDisciplines", 0),
        expect(P + "478 voorwaarde 2 via drie soorten, percentage onbekend: A", type("A"),
            practiceA("specialisedTherapistPercentage", null, "distinctSpecialisations", 3)),
        fails(P + "428 basiseisen onbekend: fout die meetsBaseRequirements noemt", "meetsBaseRequirements", practiceA("meetsBaseRequirements", null)),
        fails(P + "477 samenwerking onbekend: fout die cooperationDisciplines noemt", "cooperationDisciplines", practiceA("cooperationDisciplines", null)),
        fails(P + "478 percentage onbekend en minder dan 3 soorten: fout die specialisedTherapistPercentage noemt", "specialisedTherapistPercentage",
            practiceA("specialisedTherapistPercentage", null, "distinctSpecialisations", 2)),
        fails(P + "478 minder dan 50 procent en soorten onbekend: fout die distinctSpecialisations noemt", "distinctSpecialisations",
            practiceA("specialisedTherapistPercentage", 40, "distinctSpecialisations", null)),
        fails(P + "479 dagdelen onbekend: fout die eveningWeekendDayparts noemt", "eveningWeekendDayparts", practiceA("eveningWeekendDayparts", null)),
        fails(P + "480 certificaat onbekend: fout die qualityCertificate noemt", "qualityCertificate", practiceA("qualityCertificate", null)),
        fails(P + "480-483 onbekend certificaat ISO_9001: fout die qualityCertificate noemt", "qualityCertificate", practiceA("qualityCertificate", "ISO_9001")),
        fails(P + "478 percentage 100.01: fout die specialisedTherapistPercentage noemt", "specialisedTherapistPercentage",
            practiceA("specialisedTherapistPercentage", 100.01)),
        fails(P + "477 negatief aantal disciplines: fout die cooperationDisciplines noemt", "cooperationDisciplines", practiceA("cooperationDisciplines", -1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "physiotherapyContractType");
  }
}
