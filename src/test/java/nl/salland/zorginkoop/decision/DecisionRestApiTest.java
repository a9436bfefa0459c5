package nl.salland.zorginkoop.decision;

import static nl.salland.zorginkoop.decision.Seeds.GGZ;
import static nl.salland.zorginkoop.decision.Seeds.PARAMEDICAL;
import static nl.salland.zorginkoop.decision.Seeds.SHORT_TERM;
import static nl.salland.zorginkoop.decision.Seeds.WLZ;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every CONTRACT decision through {@code POST /engine-rest/decision-definition/key/{key}/evaluate}, the way other
 * systems call it: plain JSON values without a type, dates as ISO strings, null where a value is unknown.
 */
@ZorginkoopTest
class DecisionRestApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Value("${camunda.bpm.admin-user.id}")
  String adminId;
  @Value("${camunda.bpm.admin-user.password}")
  String adminPassword;

  static Stream<Arguments> contractDecisions() {
    return Stream.of(
        Arguments.of(PARAMEDICAL + ":493 index 150 bij 31 patiënten", "treatmentIndexAssessment",
            "{\"uniquePatients\": {\"value\": 31}, \"treatmentIndex\": {\"value\": 150}}",
            Map.of("treatmentIndexOutcome", "DIALOGUE_REQUIRED")),
        Arguments.of(PARAMEDICAL + ":495 geen index (null)", "treatmentIndexAssessment",
            "{\"uniquePatients\": {\"value\": 45}, \"treatmentIndex\": {\"value\": null}}",
            Map.of("treatmentIndexOutcome", "NO_INDEX_AVAILABLE")),
        Arguments.of(PARAMEDICAL + ":476-483 fysiotherapie A", "physiotherapyContractType",
            "{\"meetsBaseRequirements\": {\"value\": true}, \"cooperationDisciplines\": {\"value\": 2},"
                + " \"specialisedTherapistPercentage\": {\"value\": 62.5}, \"distinctSpecialisations\": {\"value\": 1},"
                + " \"eveningWeekendDayparts\": {\"value\": 2}, \"qualityCertificate\": {\"value\": \"SKF_KEURMERK\"}}",
            Map.of("contractType", "A")),
        Arguments.of(PARAMEDICAL + ":521 logopedie A", "speechTherapyContractType",
            "{\"meetsBaseRequirements\": {\"value\": true}, \"hasQualityCertificate\": {\"value\": true}}",
            Map.of("contractType", "A")),
        Arguments.of(SHORT_TERM + ":387 GRZ met 9 bedden", "shortTermCareEligibility",
            "{\"careProduct\": {\"value\": \"GRZ\"}, \"grzBeds\": {\"value\": 9}, \"unitBeds\": {\"value\": null},"
                + " \"hasGrzContract\": {\"value\": null}}",
            Map.of("eligible", false)),
        Arguments.of(WLZ + ":638 bestaand maar nieuw voor het zorgkantoor", "wlzProviderCategory",
            "{\"contractWithThisOffice\": {\"value\": false}, \"contractWithOtherOffice\": {\"value\": true},"
                + " \"otherOfficeContractWholePreviousYear\": {\"value\": true}, \"declaringSinceJanuaryFirst\": {\"value\": true}}",
            Map.of("providerCategory", "EXISTING_NEW_TO_OFFICE")),
        Arguments.of(WLZ + ":653 € 100.000 en hele jaar: meerjarig", "wlzContractDuration",
            "{\"providerCategory\": {\"value\": \"EXISTING\"}, \"contractedWholePreviousYear\": {\"value\": true},"
                + " \"wlzRevenuePreviousYear\": {\"value\": 100000}}",
            Map.of("contractDuration", "MULTI_YEAR")),
        Arguments.of(WLZ + ":490 nieuwe zorgaanbieder: 2 procentpunt lager", "wlzTariffPercentage",
            "{\"providerCategory\": {\"value\": \"NEW\"}, \"clusterStartingPercentage\": {\"value\": 95.5}}",
            Map.of("tariffPercentage", 93.5)),
        Arguments.of(WLZ + ":818 Wlz 31 juli 2026 17:00:00+02:00", "newProviderAdmission",
            "{\"sector\": {\"value\": \"WLZ_GZ\"}, \"contractYear\": {\"value\": 2027},"
                + " \"applicationDate\": {\"value\": \"2026-07-31T17:00:00+02:00\"}}",
            Map.of("admissible", true, "deadline", "2026-07-31T17:00:00+02:00")),
        Arguments.of(WLZ + ":818 Wlz 31 juli 2026 17:01 zonder offset", "newProviderAdmission",
            "{\"sector\": {\"value\": \"WLZ_GZ\"}, \"contractYear\": {\"value\": 2027},"
                + " \"applicationDate\": {\"value\": \"2026-07-31T17:01:00\"}}",
            Map.of("admissible", false, "deadline", "2026-07-31T17:00:00+02:00")),
        Arguments.of(SHORT_TERM + ":482 kortdurende zorg 1 juni 2026", "newProviderAdmission",
            "{\"sector\": {\"value\": \"KORTDURENDE_ZORG\"}, \"contractYear\": {\"value\": 2027},"
                + " \"applicationDate\": {\"value\": \"2026-06-01\"}}",
            Map.of("admissible", true, "deadline", "2026-06-01T23:59:59+02:00")),
        Arguments.of(GGZ + ":1123-1125 GGZ monitor niet tijdig", "ceilingOverrunAdmissibility",
            "{\"sector\": {\"value\": \"GGZ\"}, \"contractYear\": {\"value\": 2024}, \"notificationDate\": {\"value\": \"2024-10-01\"},"
                + " \"hasRevenueCeiling\": {\"value\": true}, \"productionMonitorOnTime\": {\"value\": false}}",
            Map.of("admissibility", "MONITOR_NOT_ON_TIME")),
        Arguments.of(SHORT_TERM + ":512 kortdurende zorg 2 september 2027", "ceilingOverrunAdmissibility",
            "{\"sector\": {\"value\": \"KORTDURENDE_ZORG\"}, \"contractYear\": {\"value\": 2027},"
                + " \"notificationDate\": {\"value\": \"2027-09-02\"}, \"hasRevenueCeiling\": {\"value\": true},"
                + " \"productionMonitorOnTime\": {\"value\": null}}",
            Map.of("admissibility", "TOO_LATE")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractDecisions")
  void evaluatesThroughTheRestApiWithPlainJson(String name, String key, String variables, Map<String, Object> expected) {
    ResponseEntity<List<Map<String, Map<String, Object>>>> response = evaluate(adminId, adminPassword, key, variables);

    assertThat(response.getStatusCode()).as(name).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).as(name).hasSize(1);
    Map<String, Map<String, Object>> result = response.getBody().get(0);
    expected.forEach((output, value) -> assertThat(result.get(output).get("value")).as(name + ": " + output)
        .isEqualTo(value));
  }

  @Test
  void anUnknownInputIsAnErrorThatNamesIt() {
    ResponseEntity<String> response = rest.withBasicAuth(adminId, adminPassword).postForEntity(
        "/engine-rest/decision-definition/key/newProviderAdmission/evaluate",
        json("{\"variables\": {\"sector\": {\"value\": \"WIJKVERPLEGING\"}, \"contractYear\": {\"value\": 2027},"
            + " \"applicationDate\": {\"value\": \"2026-05-01\"}}}"), String.class);

    assertThat(response.getStatusCode().is5xxServerError() || response.getStatusCode().is4xxClientError()).isTrue();
    assertThat(response.getBody()).contains("sector onbekend");
  }

  @Test
  void aMissingInputIsAnErrorThatNamesIt() {
    ResponseEntity<String> response = rest.withBasicAuth(adminId, adminPassword).postForEntity(
        "/engine-rest/decision-definition/key/physiotherapyContractType/evaluate",
        json("{\"variables\": {\"meetsBaseRequirements\": {\"value\": true}, \"cooperationDisciplines\": {\"value\": 1},"
            + " \"specialisedTherapistPercentage\": {\"value\": 60}, \"qualityCertificate\": {\"value\": \"HKZ\"}}}"),
        String.class);

    assertThat(response.getStatusCode().isError()).isTrue();
    assertThat(response.getBody()).contains("eveningWeekendDayparts");
  }

  @Test
  void sectorStaffMayEvaluateDecisions() {
    String staff = TestUsers.ensure(identityService, "test-decisions-ggz", Sector.GGZ.staffGroup());

    ResponseEntity<List<Map<String, Map<String, Object>>>> response = evaluate(staff, TestUsers.PASSWORD,
        "speechTherapyContractType",
        "{\"meetsBaseRequirements\": {\"value\": true}, \"hasQualityCertificate\": {\"value\": false}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().get(0).get("contractType").get("value")).isEqualTo("B");
  }

  private ResponseEntity<List<Map<String, Map<String, Object>>>> evaluate(String user, String password, String key,
      String variables) {
    return rest.withBasicAuth(user, password).exchange("/engine-rest/decision-definition/key/" + key + "/evaluate",
        HttpMethod.POST, json("{\"variables\": " + variables + "}"), new ParameterizedTypeReference<>() {});
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
