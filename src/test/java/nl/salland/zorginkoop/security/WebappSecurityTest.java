package nl.salland.zorginkoop.security;

import static org.assertj.core.api.Assertions.assertThat;

import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@ZorginkoopTest
@ExtendWith(OutputCaptureExtension.class)
class WebappSecurityTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  IdentityService identityService;

  @Test
  void webappsKeepTheirCsrfProtection() {
    String user = TestUsers.ensure(identityService, "test-csrf", Groups.MANAGERS);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", TestUsers.PASSWORD);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    ResponseEntity<String> withoutToken = rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
        new HttpEntity<>(form, headers), String.class);

    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
  }

  @Test
  void ourPagesNeedALoginAndAnswerStaffWithForbidden() {
    String staff = TestUsers.ensure(identityService, "test-ggz", "inkoop-ggz");

    assertThat(rest.getForEntity("/api/deadlines", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(staff, TestUsers.PASSWORD).getForEntity("/api/deadlines", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void passwordsNeverReachTheLog(CapturedOutput output) {
    String user = TestUsers.ensure(identityService, "test-logging", Groups.MANAGERS);
    String wrong = "Wrong-Password-4711";

    rest.withBasicAuth(user, wrong).getForEntity("/engine-rest/task", String.class);
    rest.withBasicAuth(user, wrong).getForEntity("/api/deadlines", String.class);
    rest.withBasicAuth(user, TestUsers.PASSWORD).getForEntity("/api/deadlines", String.class);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", wrong);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    rest.postForEntity("/login", new HttpEntity<>(form, headers), String.class);

    assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(TestUsers.PASSWORD);
  }
}
