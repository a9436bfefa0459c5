package nl.salland.zorginkoop.contracting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/rounds}: one bad entry refuses the whole request with a 400 naming it, and starts nothing. */
@ZorginkoopTest
class RoundsApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identity;
  @Autowired
  RuntimeService runtime;

  private final String agb = TestAgbCodes.next();
  private String paramedicalStaff;

  @BeforeEach
  void users() {
    paramedicalStaff = TestUsers.ensure(identity, "test-para", Sector.PARAMEDISCHE_ZORG.staffGroup());
  }

  /** The tried inputs: the second of two rounds (the first is good), and the field the answer must name. */
  static Stream<Arguments> badRounds() {
    return Stream.of(
        Arguments.of(round("\"1234567\"", "\"PARAMEDISCHE_ZORG\"", "2027", "\"EXISTING\""), "rounds[1].agbCode"),
        Arguments.of(round("\"1234567X\"", "\"PARAMEDISCHE_ZORG\"", "2027", "\"EXISTING\""), "rounds[1].agbCode"),
        Arguments.of(round("\"%s\"", "\"TANDARTS\"", "2027", "\"EXISTING\""), "rounds[1].sector"),
        Arguments.of(round("\"%s\"", "null", "2027", "\"EXISTING\""), "rounds[1].sector"),
        Arguments.of(round("\"%s\"", "\"PARAMEDISCHE_ZORG\"", "27", "\"EXISTING\""), "rounds[1].contractYear"),
        Arguments.of(round("\"%s\"", "\"PARAMEDISCHE_ZORG\"", "2027", "\"OUD\""), "rounds[1].providerStatus"),
        Arguments.of(round("\"%s\"", "\"PARAMEDISCHE_ZORG\"", "2027", "null"), "rounds[1].providerStatus"),
        Arguments.of(round("\"%s\"", "\"GGZ\"", "2027", "\"EXISTING\""), "rounds[1].sector"),
        Arguments.of("null", "rounds[1]"));
  }

  private static String round(String agbCode, String sector, String year, String status) {
    return """
        {"agbCode": %s, "sector": %s, "contractYear": %s, "providerStatus": %s, "contractingMode": "DIGITAL"}"""
        .formatted(agbCode, sector, year, status);
  }

  @ParameterizedTest
  @MethodSource("badRounds")
  void refusesTheWholeRequestNamingTheBadEntryAndStartsNothing(String bad, String field) {
    String good = round("\"" + agb + "\"", "\"PARAMEDISCHE_ZORG\"", "2027", "\"EXISTING\"");

    ResponseEntity<Map> answer = post("{\"rounds\": [" + good + ", " + bad.formatted(TestAgbCodes.next()) + "]}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", field);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(agb + "-PARAMEDISCHE_ZORG-2027")
        .count()).as("the good round was not started either").isZero();
  }

  @Test
  void refusesAnEmptyListAndABodyThatIsNoJson() {
    assertThat(post("{\"rounds\": []}").getBody()).containsEntry("field", "rounds");
    assertThat(post("{\"rounds\": [").getBody()).containsEntry("field", "body");
  }

  @Test
  void startsGoodRoundsOnceEvenWhenSentAgain() {
    String body = "{\"rounds\": [" + round("\"" + agb + "\"", "\"PARAMEDISCHE_ZORG\"", "2027", "\"EXISTING\"") + "]}";

    ResponseEntity<Map> first = post(body);
    ResponseEntity<Map> again = post(body);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody()).containsEntry("started", 1).containsEntry("alreadyExisting", 0);
    assertThat(again.getBody()).containsEntry("started", 0).containsEntry("alreadyExisting", 1);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(agb + "-PARAMEDISCHE_ZORG-2027")
        .count()).isOne();
  }

  /** Wlz long-term care has its own process (wlzRegistration); the round's model says which sectors it handles. */
  @Test
  void refusesASectorTheContractingRoundDoesNotHandleBeforeStartingAnything() {
    String admin = TestUsers.ensure(identity, "test-admin-rounds", Groups.ADMINS);
    String good = round("\"" + agb + "\"", "\"PARAMEDISCHE_ZORG\"", "2027", "\"EXISTING\"");
    String wlz = round("\"" + TestAgbCodes.next() + "\"", "\"WLZ_GZ\"", "2027", "\"EXISTING\"");

    ResponseEntity<Map> answer = post(admin, "{\"rounds\": [" + good + ", " + wlz + "]}");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("field", "rounds[1].sector");
    assertThat((String) answer.getBody().get("message")).contains("WLZ_GZ");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(agb + "-PARAMEDISCHE_ZORG-2027")
        .count()).as("the good round was not started either").isZero();
  }

  private ResponseEntity<Map> post(String body) {
    return post(paramedicalStaff, body);
  }

  private ResponseEntity<Map> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/api/rounds",
        new HttpEntity<>(body, headers), Map.class);
  }
}
