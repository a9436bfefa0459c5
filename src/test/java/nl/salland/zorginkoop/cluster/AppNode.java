package nl.salland.zorginkoop.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One application node as production runs it: the packaged jar in its own JVM, profile postgres, against a shared
 * database, its outside systems answered by the test's stand-in under the node's own path prefix (so the test sees
 * which node made a call). Killed with SIGKILL when the test says so.
 */
final class AppNode implements AutoCloseable {

  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "it-admin-secret";

  final String name;
  final int port;
  private final Process process;
  private final Path log;

  private AppNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static AppNode start(String name, int port, String databaseUrl, String databaseUser, int standInPort,
      List<String> extraArgs) throws IOException {
    String jar = System.getProperty("zorginkoop.it.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("No application jar (zorginkoop.it.jar=" + jar + "): run ./mvnw verify");
    }
    String remote = "http://127.0.0.1:" + standInPort + "/" + name;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar, "--spring.profiles.active=postgres", "--server.port=" + port,
        "--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + databaseUser,
        "--camunda.bpm.admin-user.id=" + ADMIN, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
        "--zorginkoop.integration.agb.base-url=" + remote + "/agb",
        "--zorginkoop.integration.vecozo.base-url=" + remote + "/vecozo",
        "--zorginkoop.integration.nza.base-url=" + remote + "/nza",
        "--zorginkoop.integration.carefinder.base-url=" + remote + "/carefinder",
        "--zorginkoop.mail.from=it@salland.example", "--zorginkoop.mail.scheduled-sending=false",
        "--zorginkoop.mail.fallback-recipient=inkoop-it@salland.example",
        "--spring.main.banner-mode=off"));
    command.addAll(extraArgs);
    Path log = Path.of("target", "it-logs", name + "-" + System.currentTimeMillis() + ".log");
    Files.createDirectories(log.getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    AppNode node = new AppNode(name, port, process, log);
    node.awaitHealthy(Duration.ofMinutes(3));
    return node;
  }

  private void awaitHealthy(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped during start-up; see " + log);
      }
      try {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("UP")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(1000);
    }
    throw new IllegalStateException("Node " + name + " not healthy within " + timeout + "; see " + log);
  }

  /** POST with the administrator's Basic credentials; the answer body. */
  String post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** kill -9: no shutdown hook, no graceful stop, locked jobs stay locked. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
