package nl.salland.zorginkoop.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
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

@ZorginkoopTest
class ProviderApiTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;
  @Autowired
  ProviderRegister providers;

  String staff;

  @BeforeEach
  void users() {
    staff = TestUsers.ensure(identityService, "test-para", Sector.PARAMEDISCHE_ZORG.staffGroup());
  }

  @Test
  void storesAValidProvider() {
    String agb = TestAgbCodes.next();

    ResponseEntity<Map> response = post(staff, """
        {"agbCode": "%s", "name": "Fysiotherapie De Brink", "kvkNumber": "12345678", "municipality": "Deventer"}
        """.formatted(agb));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(providers.find(new AgbCode(agb))).get().extracting(Provider::name)
        .isEqualTo("Fysiotherapie De Brink");
  }

  static Stream<Arguments> badProviders() {
    return Stream.of(
        Arguments.of("{\"agbCode\": \"1234567\", \"name\": \"Te kort\"}", "agbCode"),
        Arguments.of("{\"agbCode\": \"123456789\", \"name\": \"Te lang\"}", "agbCode"),
        Arguments.of("{\"agbCode\": \"1234567a\", \"name\": \"Letter\"}", "agbCode"),
        Arguments.of("{\"agbCode\": \" 1234567\", \"name\": \"Spatie\"}", "agbCode"),
        Arguments.of("{\"name\": \"Zonder AGB\"}", "agbCode"),
        Arguments.of("{\"agbCode\": \"%s\"}", "name"),
        Arguments.of("{\"agbCode\": \"%s\", \"name\": \"  \"}", "name"),
        Arguments.of("{\"agbCode\": \"%s\", \"name\": \"KvK fout\", \"kvkNumber\": \"12-34\"}", "kvkNumber"),
        Arguments.of("{\"agbCode\": \"%s\", \"name\": ", "body"));
  }

  @ParameterizedTest
  @MethodSource("badProviders")
  void refusesBadInputNamingTheFieldAndStoresNothing(String body, String field) {
    long before = providers.count();
    String agb = TestAgbCodes.next();

    ResponseEntity<Map> response = post(staff, body.formatted(agb));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", field);
    assertThat((String) response.getBody().get("message")).startsWith(field + ":");
    assertThat(providers.count()).isEqualTo(before);
  }

  @Test
  void refusesAnonymousAndReadOnlyCallers() {
    String manager = TestUsers.ensure(identityService, "test-manager", Groups.MANAGERS);
    String body = "{\"agbCode\": \"%s\", \"name\": \"Praktijk\"}".formatted(TestAgbCodes.next());

    assertThat(rest.exchange("/api/providers", org.springframework.http.HttpMethod.POST, json(body), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(post(manager, body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(manager, TestUsers.PASSWORD).getForEntity("/api/providers?q=x", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<Map> post(String user, String body) {
    return rest.withBasicAuth(user, TestUsers.PASSWORD).postForEntity("/api/providers", json(body), Map.class);
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
