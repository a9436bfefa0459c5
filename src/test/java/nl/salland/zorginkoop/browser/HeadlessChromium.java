package nl.salland.zorginkoop.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver (packages chromium, chromium-driver), started headless with the flags this
 * machine needs; downloads go to an emptied folder. Nothing is downloaded. Without them the browser tests are
 * skipped, except in CI, where they fail.
 */
final class HeadlessChromium {

  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private HeadlessChromium() {
  }

  static ChromeDriver start(Path downloads) throws Exception {
    boolean installed = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
    if (!installed && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort("Debian chromium and chromium-driver are not installed");
    }
    if (Files.isDirectory(downloads)) {
      try (var old = Files.list(downloads)) {
        for (Path file : old.toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(downloads);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1440,1000", "--lang=nl-NL",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "intl.accept_languages", "nl-NL,nl"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
