package nl.salland.zorginkoop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' dashboard in headless Chromium: log in, see a case that is past its deadline because the test moved
 * the engine clock, filter by sector, export CSV. A screenshot lands in target/.
 */
@ZorginkoopTest
class DashboardBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  ProviderRegister providers;

  ChromeDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    ClockUtil.reset();
  }

  @Test
  void managerSeesAnOverdueCaseFiltersBySectorAndExportsCsv() throws Exception {
    String manager = TestUsers.ensure(identityService, "test-dashboard-manager", Groups.MANAGERS);
    String lateAgb = startCaseWithOfferDue("GGZ", "Praktijk De Vertraging", "2026-10-01T00:00:00+02:00");
    String otherAgb = startCaseWithOfferDue("KORTDURENDE_ZORG", "Revalidatiecentrum Op Tijd",
        "2026-10-20T00:00:00+02:00");
    // Two days after the offer was due: the GGZ case is overdue.
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-03T10:00:00+02:00").toInstant()));

    Path downloads = Path.of("target", "browser-downloads", "dashboard");
    browser = HeadlessChromium.start(downloads);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://localhost:" + port + "/dashboard");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(manager);
    browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    WebElement overdue = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//table[@id='deadlines']//tr[@data-state='OVERDUE'][contains(., '" + lateAgb + "')]")));
    assertThat(overdue.getText()).contains("Praktijk De Vertraging").contains("Verlopen").contains("2 d 10 u");
    assertThat(rowsMentioning(otherAgb)).isNotEmpty();
    Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

    new Select(browser.findElement(By.id("sector-filter"))).selectByValue("GGZ");
    browser.findElement(By.id("apply-filters")).click();
    wait.until(d -> rowsMentioning(otherAgb).isEmpty());
    assertThat(rowsMentioning(lateAgb)).isNotEmpty();
    assertThat(browser.getCurrentUrl()).contains("sector=GGZ");
    Files.write(Path.of("target", "dashboard-ggz.png"), browser.getScreenshotAs(OutputType.BYTES));

    browser.findElement(By.id("export-csv")).click();
    Path csv = wait.until(d -> downloadedCsv(downloads));
    String content = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(content).contains("Praktijk De Vertraging").contains(lateAgb).contains("Verlopen")
        .doesNotContain(otherAgb);
  }

  private List<WebElement> rowsMentioning(String agbCode) {
    return browser.findElements(By.xpath("//table[@id='deadlines']//tr[contains(., '" + agbCode + "')]"));
  }

  private static Path downloadedCsv(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
    } catch (Exception e) {
      return null;
    }
  }

  /** A case waiting for an offer (test process), so the deadline follows the moved clock. */
  private String startCaseWithOfferDue(String sector, String providerName, String offerDue) {
    repositoryService.createDeployment().name("test-tracked-case").enableDuplicateFiltering(true)
        .addClasspathResource("testprocesses/tracked-case.bpmn").deploy();
    String agb = TestAgbCodes.next();
    providers.save(new Provider(new AgbCode(agb), providerName, null, "Deventer", null));
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-01T09:00:00+02:00").toInstant()));
    String pi = runtimeService.startProcessInstanceByKey("testTrackedCase", agb + "-" + sector + "-2027",
        Map.of("agbCode", agb, "sector", sector, "contractYear", 2027,
            "taskDue", Date.from(OffsetDateTime.parse("2026-09-10T17:00:00+02:00").toInstant()),
            "offerDue", offerDue)).getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(pi).singleResult().getId());
    return agb;
  }
}
