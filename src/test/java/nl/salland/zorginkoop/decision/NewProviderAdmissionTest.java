package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.DecisionCase.expect;
import static nl.salland.zorginkoop.decision.DecisionCase.fails;
import static nl.salland.zorginkoop.decision.DecisionCase.vars;
import static nl.salland.zorginkoop.decision.Seeds.GGZ;
import static nl.salland.zorginkoop.decision.Seeds.GP;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;
import static nl.salland.zorginkoop.decision.Seeds.SHORT_TERM;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Dates as a date, as a date-time without offset (Europe/Amsterdam) and with an offset, on both sides of each deadline. */
@ZorginkoopTest
class NewProviderAdmissionTest {

  @Autowired
  DecisionService decisions;

  private static Map<String, Object> result(boolean admissible, String deadline) {
    return vars("admissible", admissible, "deadline", deadline);
  }

  private static DecisionCase at(String name, String sector, Object year, Object applicationDate, boolean admissible,
      String deadline) {
    return expect(name, result(admissible, deadline), "sector", sector, "contractYear", year, "applicationDate",
        applicationDate);
  }

  static Stream<DecisionCase> cases() {
    String kz = "2026-06-01T23:59:59+02:00";
    String ha = "2026-09-01T23:59:59+02:00";
    String para = "2026-08-31T23:59:59+02:00";
    String wlz = "2026-07-31T17:00:00+02:00";
    String s0 = SHORT_TERM + ":482";
    String s1 = GP + ":505";
    String s2 = PARAMEDICAL + ":567";
    String s3 = GGZ + ":1180";
    String s4 = WLZ + ":818";
    return Stream.of(
        at(s0 + " 1 juni 2026 ('tot uiterlijk 1 juni'): tijdig", "KORTDURENDE_ZORG", 2027, "2026-06-01", true, kz),
        at(s0 + " 31 mei 2026: tijdig", "KORTDURENDE_ZORG", 2027, "2026-05-31", true, kz),
        at(s0 + " 2 juni 2026 ('Na deze datum'): te laat", "KORTDURENDE_ZORG", 2027, "2026-06-02", false, kz),
        at(s0 + " 1 juni 23:59:59 zonder offset (Amsterdam): tijdig", "KORTDURENDE_ZORG", 2027, "2026-06-01T23:59:59", true, kz),
        at(s0 + " 1 juni 23:59:59+02:00: tijdig", "KORTDURENDE_ZORG", 2027, "2026-06-01T23:59:59+02:00", true, kz),
        at(s0 + " 1 juni 21:59:59Z (23:59:59 in Amsterdam): tijdig", "KORTDURENDE_ZORG", 2027, "2026-06-01T21:59:59Z", true, kz),
        at(s0 + " 1 juni 22:00:00Z (2 juni 00:00 in Amsterdam): te laat", "KORTDURENDE_ZORG", 2027, "2026-06-01T22:00:00Z", false, kz),
        at(s0 + " 2 juni 00:00 zonder offset: te laat", "KORTDURENDE_ZORG", 2027, "2026-06-02T00:00:00", false, kz),
        at(s0 + " contractjaar als tekst '2027'", "KORTDURENDE_ZORG", "2027", "2026-06-01", true, kz),
        at(s0 + " datum als java.time.LocalDate", "KORTDURENDE_ZORG", 2027, LocalDate.of(2026, 6, 2), false, kz),
        at(s1 + " 1 september 2026 ('tot uiterlijk 1 september'): tijdig", "HUISARTSENZORG", 2027, "2026-09-01", true, ha),
        at(s1 + " 1 september 2026 12:00+02:00: tijdig", "HUISARTSENZORG", 2027, "2026-09-01T12:00:00+02:00", true, ha),
        at(s1 + " 2 september 2026: te laat", "HUISARTSENZORG", 2027, "2026-09-02", false, ha),
        at(s2 + " 31 augustus 2026 ('uiterlijk vóór 1 september'): tijdig", "PARAMEDISCHE_ZORG", 2027, "2026-08-31", true, para),
        at(s2 + " 31 augustus 2026 23:59:59 zonder offset: tijdig", "PARAMEDISCHE_ZORG", 2027, "2026-08-31T23:59:59", true, para),
        at(s2 + " 1 september 2026: te laat voor 1 januari 2027", "PARAMEDISCHE_ZORG", 2027, "2026-09-01", false, para),
        at(s3 + " GGZ 2024: 1 juni 2023 ('tot uiterlijk 1 juni 2023'): tijdig", "GGZ", 2024, "2023-06-01", true, "2023-06-01T23:59:59+02:00"),
        at(GGZ + ":1223 GGZ 2024: 2 juni 2023 ('na 1 juni 2023'): te laat", "GGZ", 2024, "2023-06-02", false, "2023-06-01T23:59:59+02:00"),
        at(s3 + " GGZ 2027 (README): 1 juni 2026: tijdig", "GGZ", 2027, "2026-06-01", true, kz),
        at(s3 + " GGZ 2027 (README): 2 juni 2026: te laat", "GGZ", 2027, "2026-06-02", false, kz),
        at(s4 + " Wlz 31 juli 2026 16:59+02:00: tijdig", "WLZ_GZ", 2027, "2026-07-31T16:59:00+02:00", true, wlz),
        at(s4 + " Wlz 31 juli 2026 17:00:00+02:00 ('17.00 uur exact'): tijdig", "WLZ_GZ", 2027, "2026-07-31T17:00:00+02:00", true, wlz),
        at(s4 + " Wlz 31 juli 2026 17:00:00 zonder offset: tijdig", "WLZ_GZ", 2027, "2026-07-31T17:00:00", true, wlz),
        at(s4 + " Wlz 31 juli 2026 15:00:00Z (17:00 in Amsterdam): tijdig", "WLZ_GZ", 2027, "2026-07-31T15:00:00Z", true, wlz),
        at(s4 + " Wlz 31 juli 2026 17:00:01+02:00: te laat", "WLZ_GZ", 2027, "2026-07-31T17:00:01+02:00", false, wlz),
        at(s4 + " Wlz 31 juli 2026 17:01 zonder offset: te laat", "WLZ_GZ", 2027, "2026-07-31T17:01:00", false, wlz),
        at(s4 + " Wlz 31 juli 2026 15:01:00Z: te laat", "WLZ_GZ", 2027, "2026-07-31T15:01:00Z", false, wlz),
        at(s4 + " Wlz 31 juli 2026 17:00 als ZonedDateTime: tijdig", "WLZ_GZ", 2027,
            ZonedDateTime.parse("2026-07-31T17:00:00+02:00[Europe/Amsterdam]"), true, wlz),
        at(s4 + " Wlz 30 juli 2026 (datum): tijdig", "WLZ_GZ", 2027, "2026-07-30", true, wlz),
        at(s4 + " Wlz 1 augustus 2026 (datum): te laat", "WLZ_GZ", 2027, "2026-08-01", false, wlz),
        fails(s4 + " Wlz 31 juli 2026 zonder tijdstip: fout die applicationDate noemt", "applicationDate",
            "sector", "WLZ_GZ", "contractYear", 2027, "applicationDate", "2026-07-31"),
        fails(WLZ + ":793 Wlz 2028: tijdpad volgt in de aanvulling, fout die het jaar noemt", "WLZ_GZ 2028",
            "sector", "WLZ_GZ", "contractYear", 2028, "applicationDate", "2027-07-01T10:00:00+02:00"),
        fails(s0 + " kortdurende zorg 2026: geen termijn, fout die het jaar noemt", "KORTDURENDE_ZORG 2026",
            "sector", "KORTDURENDE_ZORG", "contractYear", 2026, "applicationDate", "2025-05-01"),
        fails(s3 + " GGZ 2025: geen termijn, fout die het jaar noemt", "GGZ 2025",
            "sector", "GGZ", "contractYear", 2025, "applicationDate", "2024-05-01"),
        fails(s0 + " geen aanmelddatum: fout die applicationDate noemt", "applicationDate",
            "sector", "KORTDURENDE_ZORG", "contractYear", 2027),
        fails(s0 + " datum 01-06-2026 is geen ISO: fout die applicationDate noemt", "applicationDate",
            "sector", "KORTDURENDE_ZORG", "contractYear", 2027, "applicationDate", "01-06-2026"),
        fails(s0 + " geen contractjaar: fout die contractYear noemt", "contractYear",
            "sector", "KORTDURENDE_ZORG", "applicationDate", "2026-05-01"),
        fails(s0 + " geen sector: fout die sector noemt", "sector", "contractYear", 2027, "applicationDate", "2026-05-01"),
        fails(s0 + " sector WIJKVERPLEGING bestaat niet: fout die sector noemt", "sector",
            "sector", "WIJKVERPLEGING", "contractYear", 2027, "applicationDate", "2026-05-01"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(DecisionCase c) {
    c.verify(decisions, "newProviderAdmission");
  }
}
