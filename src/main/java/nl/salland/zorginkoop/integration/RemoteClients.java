package nl.salland.zorginkoop.integration;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of an outside system: its base URL, explicit connect and read timeouts, Spring
 * Boot's Jackson setup, and one rule for error answers. No answer in time is an I/O error, retried by the engine. A
 * 4xx means the remote refused the request ({@link RemoteRejectedException}, a business outcome for the process); a
 * 5xx, 408 or 429 means it is unavailable for now ({@link RemoteUnavailableException}), like a timeout, so the engine
 * retries the job.
 */
@Component
public class RemoteClients implements DisposableBean {

  private final ObjectProvider<RestClient.Builder> builders;
  /**
   * The threads of every client's calls. Without it Spring writes each request body on a new thread of its own
   * ({@code SimpleAsyncTaskExecutor}): 1,700 threads started and ended in a 1,000-provider season (JFR).
   */
  private final ExecutorService callThreads = Executors.newCachedThreadPool(callThreadFactory());

  public RemoteClients(ObjectProvider<RestClient.Builder> builders) {
    this.builders = builders;
  }

  public RestClient create(String system, RemoteSystem remote) {
    String prefix = "zorginkoop.integration." + system;
    if (remote == null || remote.baseUrl() == null || remote.baseUrl().toString().isBlank()) {
      throw new IllegalStateException(prefix + ".base-url is not set");
    }
    if (remote.connectTimeout() == null || remote.readTimeout() == null) {
      throw new IllegalStateException(prefix + ".connect-timeout and " + prefix + ".read-timeout must be set");
    }
    // The JDK client, not HttpURLConnection: that one silently sends a POST again after a read timeout.
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(remote.connectTimeout())
        .executor(callThreads)
        .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http, callThreads);
    requestFactory.setReadTimeout(remote.readTimeout());
    return builders.getObject()
        .baseUrl(remote.baseUrl().toString())
        .requestFactory(requestFactory)
        // A timeout or unreachable remote: say so in the incident message, not just "Request cancelled".
        .requestInterceptor((request, body, execution) -> {
          try {
            return execution.execute(request, body);
          } catch (IOException e) {
            throw new IOException(system + " gave no answer to " + request.getMethod() + " "
                + request.getURI().getPath() + " (connect-timeout " + remote.connectTimeout() + ", read-timeout "
                + remote.readTimeout() + "): " + e.getMessage(), e);
          }
        })
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
          String body = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
          HttpStatusCode status = response.getStatusCode();
          String what = request.getMethod() + " " + request.getURI().getPath();
          if (isRefusal(status)) {
            throw new RemoteRejectedException(system, status.value(), what, body);
          }
          throw new RemoteUnavailableException(system, status.value(), what, body);
        })
        .build();
  }

  private static CustomizableThreadFactory callThreadFactory() {
    CustomizableThreadFactory factory = new CustomizableThreadFactory("remote-call-");
    factory.setDaemon(true);
    return factory;
  }

  @Override
  public void destroy() {
    callThreads.shutdown();
  }

  /** A 4xx other than 408 (timeout) and 429 (too many requests), which pass with time. */
  static boolean isRefusal(HttpStatusCode status) {
    return status.is4xxClientError() && status.value() != HttpStatus.REQUEST_TIMEOUT.value()
        && status.value() != HttpStatus.TOO_MANY_REQUESTS.value();
  }
}
