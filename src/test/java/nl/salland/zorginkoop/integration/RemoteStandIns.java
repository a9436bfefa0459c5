package nl.salland.zorginkoop.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The stand-ins for the outside systems in tests: one WireMock server on a random loopback port and one free port
 * for GreenMail (SMTP), both chosen once per test JVM. Registered as an EnvironmentPostProcessor (test
 * META-INF/spring.factories) so that the ports are known before the context starts: application-test.yaml points
 * the base URLs at {@code zorginkoop.test.wiremock-port} and SMTP at {@code zorginkoop.test.smtp-port}. Per-class
 * {@code @DynamicPropertySource} would give each test class its own Spring context; this keeps the one shared
 * context of {@code @ZorginkoopTest}.
 *
 * <p>Every remote answers a success by default (low-priority stubs), so process tests reach past an integration
 * step without stubbing it; adapter tests add their own stubs for their unique AGB codes or keys, which take
 * precedence. Nothing is reset between tests.
 */
public class RemoteStandIns implements EnvironmentPostProcessor {

  private static final int DEFAULT_ANSWER_PRIORITY = 100;
  private static WireMockServer wireMock;
  private static int smtpPort;

  public static synchronized WireMockServer wireMock() {
    if (wireMock == null) {
      wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
      wireMock.start();
      Runtime.getRuntime().addShutdownHook(new Thread(wireMock::stop));
      defaultAnswers(wireMock, "");
      warmUp(wireMock);
    }
    return wireMock;
  }

  /**
   * The first answer of a templated stub compiles its template (Handlebars), which on a busy machine can take longer
   * than the clients' 2-second read timeout of the test profile; answer each default once before any test calls.
   */
  private static void warmUp(WireMockServer server) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    for (String path : new String[] {"/agb/providers/00000000", "/vecozo/proposals", "/vecozo/proposals/0/withdrawal",
        "/nza/warm-up", "/carefinder/listings"}) {
      try {
        client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
            .GET().build(), HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        throw new UncheckedIOException("WireMock did not answer " + path, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  public static synchronized int smtpPort() {
    if (smtpPort == 0) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        smtpPort = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException("No free port for the test SMTP server", e);
      }
    }
    return smtpPort;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addLast(new MapPropertySource("remoteStandIns", Map.of(
        "zorginkoop.test.wiremock-port", wireMock().port(),
        "zorginkoop.test.smtp-port", smtpPort())));
  }

  /**
   * Success answers of the four outside systems, under paths that start with {@code pathPrefix} (a regular
   * expression; "" for none): the cluster tests give each node its own prefix to see which node called.
   */
  public static void defaultAnswers(WireMockServer server, String pathPrefix) {
    server.stubFor(get(urlPathMatching(pathPrefix + "/agb/providers/([0-9]{8})")).atPriority(DEFAULT_ANSWER_PRIORITY)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withTransformers("response-template")
            .withBody("""
                {"agbCode": "{{request.pathSegments.[%d]}}", "name": "Testpraktijk", "address": "Teststraat 1, \
                8000 AA Zwolle", "municipality": "Zwolle", "kvkNumber": "12345678", "careType": "Test",
                "practitioners": []}""".formatted(pathPrefix.isEmpty() ? 2 : 3))));
    server.stubFor(any(urlPathMatching(pathPrefix + "/vecozo/proposals")).atPriority(DEFAULT_ANSWER_PRIORITY)
        .willReturn(json(201, "{\"proposalId\": \"VZ-TEST-{{randomValue length=8 type='NUMERIC'}}\"}")));
    server.stubFor(any(urlPathMatching(pathPrefix + "/vecozo/proposals/.+/withdrawal")).atPriority(DEFAULT_ANSWER_PRIORITY)
        .willReturn(json(200, "{\"status\": \"WITHDRAWN\"}")));
    server.stubFor(any(urlPathMatching(pathPrefix + "/nza/.+")).atPriority(DEFAULT_ANSWER_PRIORITY)
        .willReturn(json(201, "{\"reference\": \"NZA-TEST-{{randomValue length=8 type='NUMERIC'}}\"}")));
    server.stubFor(any(urlPathMatching(pathPrefix + "/carefinder/listings")).atPriority(DEFAULT_ANSWER_PRIORITY)
        .willReturn(json(201, "{\"reference\": \"ZZ-TEST-{{randomValue length=8 type='NUMERIC'}}\"}")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withTransformers("response-template").withBody(body);
  }
}
