package nl.salland.zorginkoop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff member completes a task through its Camunda Form in the Dutch Tasklist, in headless Chromium: log in, pick
 * the task from the "Mijn sector" filter, claim it, fill in the form, complete it; the case then goes on.
 */
@ZorginkoopTest
class TasklistFormBrowserTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ProcessDriver driver;

  ChromeDriver browser;

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      // What the browser showed last: the evidence when a step failed.
      Files.write(Path.of("target", "tasklist-last.png"), browser.getScreenshotAs(OutputType.BYTES));
      Files.writeString(Path.of("target", "tasklist-last.html"), browser.getPageSource());
      browser.quit();
    }
    ClockUtil.reset();
  }

  @Test
  void staffCompleteTheJointReflectionThroughItsForm() throws Exception {
    String staff = TestUsers.ensure(identityService, "test-tasklist-ggz", Sector.GGZ.staffGroup());
    ProcessDriver.at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance ladder = runtimeService.startProcessInstanceByKey("escalationLadder", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "contractingMode", "FACE_TO_FACE",
            "providerName", "Praktijk Tasklist " + agb));
    ClockUtil.reset();

    browser = HeadlessChromium.start(Path.of("target", "browser-downloads", "tasklist"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(staff);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(TestUsers.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    WebElement filter = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'filter')]//*[normalize-space(text())='Mijn sector']")));
    filter.click();
    WebElement task = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//li[contains(@class,'task')][contains(., '" + agb + "')]//h4/a[contains(., 'Gezamenlijk reflecteren')]")));
    task.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//button[contains(normalize-space(.), 'Claimen') or contains(@tooltip, 'Claimen')"
            + " or contains(@uib-tooltip, 'Claimen') or contains(., 'claim')]"))).click();

    WebElement notes = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea")));
    Files.write(Path.of("target", "tasklist-form.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("Gezamenlijk reflecteren")
        .contains("Praktijk Tasklist " + agb).contains("000_5b3b4acc3ecb3548.txt");
    notes.sendKeys("Afgesproken: nieuwe offerte binnen twee weken");
    browser.findElement(By.xpath("//label[contains(., 'Opgelost')]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Voltooien']"))).click();

    wait.until(d -> historyService.createHistoricProcessInstanceQuery().processInstanceId(ladder.getId())
        .finished().count() == 1);
    assertThat(driver.variable(ladder, "outcome")).isEqualTo("RESOLVED_BY_REFLECTION");
    assertThat(driver.variable(ladder, "reflectionNotes"))
        .isEqualTo("Afgesproken: nieuwe offerte binnen twee weken");
    Files.write(Path.of("target", "tasklist-completed.png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
