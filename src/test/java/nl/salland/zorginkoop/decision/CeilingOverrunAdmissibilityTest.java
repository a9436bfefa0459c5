package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.GGZ;
import static nl.salland.zorginkoop.decision.Seeds.GP;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;
import static nl.salland.zorginkoop.decision.Seeds.SHORT_TERM;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class CeilingOverrunAdmissibilityTest {

  @Autowired
  DecisionService decisions;

  private static Map<String, Object> is(String value) {
    return vars("admissibility", value);
  }

  private static DecisionCase notice(String name, String expected, String sector, Object year, Object ceiling,
      Object date, Object monitor) {
    return expect(name, is(expected), "sector", sector, "contractYear", year, "hasRevenueCeiling", ceiling,
        "notificationDate", date, "productionMonitorOnTime", monitor);
  }

  static Stream<DecisionCase> cases() {
    String s0 = SHORT_TERM + ":512";
    String s3 = GGZ + ":1115-1121";
    String s3m = GGZ + ":1123-1125";
    return Stream.of(
        notice(s0 + " 1 september 2027 ('Tot uiterlijk 1 september 2027'): ontvankelijk", "ADMISSIBLE", "KORTDURENDE_ZORG", 2027, true, "2027-09-01", null),
        notice(s0 + " 1 september 2027 23:59+02:00: ontvankelijk", "ADMISSIBLE", "KORTDURENDE_ZORG", 2027, true, "2027-09-01T23:59:00+02:00", null),
        notice(s0 + " 1 september 2027 22:30Z (2 september in Amsterdam): te laat", "TOO_LATE", "KORTDURENDE_ZORG", 2027, true, "2027-09-01T22:30:00Z", null),
        notice(s0 + " 2 september 2027: te laat", "TOO_LATE", "KORTDURENDE_ZORG", 2027, true, "2027-09-02", null),
        notice(s0 + " monitor telt niet buiten GGZ", "ADMISSIBLE", "KORTDURENDE_ZORG", 2027, true, "2027-03-15", false),
        notice(SHORT_TERM + ":494 standaardovereenkomst zonder plafond", "NO_CEILING", "KORTDURENDE_ZORG", 2027, false, "2027-12-01", null),
        notice(s3 + " GGZ 2024: 1 oktober 2024 met tijdige monitor: ontvankelijk", "ADMISSIBLE", "GGZ", 2024, true, "2024-10-01", true),
        notice(s3 + " GGZ 2024: 2 oktober 2024 ('Na deze datum'): te laat", "TOO_LATE", "GGZ", 2024, true, "2024-10-02", true),
        notice(s3 + " GGZ 2024: te laat gaat voor de monitor", "TOO_LATE", "GGZ", 2024, true, "2024-10-02", false),
        notice(s3m + " GGZ 2024: op tijd maar monitor niet tijdig gevuld", "MONITOR_NOT_ON_TIME", "GGZ", 2024, true, "2024-10-01", false),
        notice(s3 + " GGZ 2024: 1 oktober 2024 10:00 zonder offset: ontvankelijk", "ADMISSIBLE", "GGZ", 2024, true, "2024-10-01T10:00:00", true),
        notice(s3 + " GGZ 2027 (README): 1 oktober 2027: ontvankelijk", "ADMISSIBLE", "GGZ", 2027, true, "2027-10-01", true),
        notice(s3 + " GGZ 2027 (README): 2 oktober 2027: te laat", "TOO_LATE", "GGZ", 2027, true, "2027-10-02", true),
        notice(s3m + " GGZ 2027: monitor niet tijdig", "MONITOR_NOT_ON_TIME", "GGZ", 2027, true, "2027-04-01", false),
        notice(GGZ + ":1079-1083 GGZ digitaal (volumevrij): geen plafond", "NO_CEILING", "GGZ", 2024, false, "2024-11-01", null),
        notice(GP + ":149 huisartsenzorg kent geen omzetplafond", "NO_CEILING", "HUISARTSENZORG", 2027, true, "2027-09-01", true),
        notice(PARAMEDICAL + ":417 paramedische zorg: standaardovereenkomst zonder plafond", "NO_CEILING", "PARAMEDISCHE_ZORG", 2027, true, "2027-01-01", null),
        notice(WLZ + ":559 Wlz zonder plafondafspraak", "NO_CEILING", "WLZ_GZ", 2027, false, "2027-05-01", null),
        fails(WLZ + ":571 Wlz met plafond: herschikking, fout die WLZ_GZ noemt", "WLZ_GZ",
            "sector", "WLZ_GZ", "contractYear", 2027, "hasRevenueCeiling", true, "notificationDate", "2027-05-01"),
        fails(s3m + " GGZ monitor onbekend: fout die productionMonitorOnTime noemt", "productionMonitorOnTime",
            "sector", "GGZ", "contractYear", 2024, "hasRevenueCeiling", true, "notificationDate", "2024-09-01"),
        fails(s0 + " plafond onbekend: fout die hasRevenueCeiling noemt", "hasRevenueCeiling",
            "sector", "KORTDURENDE_ZORG", "contractYear", 2027, "notificationDate", "2027-09-01"),
        fails(s0 + " geen meldingsdatum: fout die notificationDate noemt", "notificationDate",
            "sector", "KORTDURENDE_ZORG", "contractYear", 2027, "hasRevenueCeiling", true),
        fails(s0 + " geen contractjaar: fout die contractYear noemt", "contractYear",
            "sector", "KORTDURENDE_ZORG", "hasRevenueCeiling", true, "notificationDate", "2027-09-01"),
        fails(s0 + " kortdurende zorg 2028: geen termijn, fout die het jaar noemt", "KORTDURENDE_ZORG 2028",
            "sector", "KORTDURENDE_ZORG", "contractYear", 2028, "hasRevenueCeiling", true, "notificationDate", "2028-09-01"),
        fails(GGZ + ":1115 GGZ 2025: geen termijn, fout die het jaar noemt", "GGZ 2025",
            "sector", "GGZ", "contractYear", 2025, "hasRevenueCeiling", true, "notificationDate", "2025-09-01",
            "productionMonitorOnTime", true),
        fails(s0 + " geen sector: fout die sector noemt", "sector", "contractYear", 2027, "hasRevenueCeiling", true),
        fails(s0 + " sector VVT bestaat niet: fout die sector noemt", "sector", "sector", "VVT", "hasRevenueCeiling", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "ceilingOverrunAdmissibility");
  }
}
