package nl.salland.zorginkoop.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The outside systems' clients make their calls on a few reused threads: Spring's default for the JDK client writes
 * every request body on a thread started for it and ended after it.
 */
class RemoteClientsThreadsTest {

  private final WireMockServer remote = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
  private final RemoteClients clients = remoteClients();

  @AfterEach
  void stop() {
    clients.destroy();
    remote.stop();
  }

  @Test
  void requestBodiesAreWrittenOnReusedCallThreads() {
    remote.start();
    remote.stubFor(post(urlPathEqualTo("/vecozo/proposals")).willReturn(okJson("{\"id\": \"VZ-1\"}")));
    RestClient vecozo = clients.create("vecozo", new RemoteSystem(URI.create(remote.baseUrl() + "/vecozo"),
        Duration.ofSeconds(5), Duration.ofSeconds(5)));
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    Set<String> started = ConcurrentHashMap.newKeySet();

    for (int i = 0; i < 50; i++) {
      vecozo.post().uri("/proposals").contentType(MediaType.APPLICATION_JSON).body(Map.of("agbCode", "01234567"))
          .retrieve().toBodilessEntity();
      Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).map(Thread::getName)
          .forEach(started::add);
    }

    remote.verify(50, postRequestedFor(urlPathEqualTo("/vecozo/proposals")));
    assertThat(started).noneMatch(name -> name.startsWith("SimpleAsyncTaskExecutor"));
    assertThat(started.stream().filter(name -> name.startsWith("remote-call-")))
        .as("fifty calls one after the other, on reused threads").isNotEmpty().hasSizeLessThanOrEqualTo(4);
  }

  private static RemoteClients remoteClients() {
    DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    beans.registerSingleton("restClientBuilder", RestClient.builder());
    return new RemoteClients(beans.getBeanProvider(RestClient.Builder.class));
  }
}
