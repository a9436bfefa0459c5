package nl.salland.zorginkoop.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every HTTP adapter does when its remote fails: a 5xx or a timeout is a technical failure, retried with the
 * engine's back-off ({@code failedJobRetryTimeCycle}) under the same Idempotency-Key, until an incident; a call that
 * succeeded is not made again when the step's transaction fails after it.
 */
@ZorginkoopTest
class RemoteFailureTest {

  /** The adapters, each with the request it makes for the case of {@code agb}. */
  enum Remote {
    AGB_REGISTER("agbRegisterCheckDelegate", RequestMethod.GET, "/agb/providers/%s", false, "agbRegistration"),
    VECOZO_PUBLISH("vecozoPublishProposalDelegate", RequestMethod.POST, "/vecozo/proposals", true,
        "vecozoProposalId"),
    VECOZO_WITHDRAW("vecozoWithdrawProposalDelegate", RequestMethod.POST, "/vecozo/proposals/VZ-%s/withdrawal",
        false, null),
    NZA_PRODUCTION_AGREEMENT("nzaProductionAgreementDelegate", RequestMethod.POST, "/nza/production-agreements",
        true, "nzaSubmissionReference"),
    NZA_REPORT("nzaReportDelegate", RequestMethod.POST, "/nza/reports", true, "nzaReportReference"),
    CARE_FINDER("careFinderPublishDelegate", RequestMethod.POST, "/carefinder/listings", true,
        "careFinderReference");

    final String bean;
    final RequestMethod method;
    final String path;
    final boolean bodyNamesTheCase;
    final String writtenVariable;

    Remote(String bean, RequestMethod method, String path, boolean bodyNamesTheCase, String writtenVariable) {
      this.bean = bean;
      this.method = method;
      this.path = path;
      this.bodyNamesTheCase = bodyNamesTheCase;
      this.writtenVariable = writtenVariable;
    }

    MappingBuilder stub(String agb) {
      MappingBuilder stub = request(method.getName(), urlPathEqualTo(path.formatted(agb)));
      return bodyNamesTheCase ? stub.withRequestBody(matchingJsonPath("$.agbCode", equalTo(agb))) : stub;
    }

    RequestPatternBuilder requests(String agb, ProcessInstance pi) {
      return RequestPatternBuilder.newRequestPattern(method, urlPathEqualTo(path.formatted(agb)))
          .withHeader("Idempotency-Key", equalTo(DelegateTestProcess.idempotencyKey(pi)));
    }
  }

  private static final Instant START = Instant.parse("2026-09-15T08:00:00Z");

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;

  private final WireMockServer remote = RemoteStandIns.wireMock();
  private final String agb = TestAgbCodes.next();
  private DelegateTestProcess process;

  @BeforeEach
  void startTheClock() {
    ClockUtil.setCurrentTime(Date.from(START));
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    DelegateTestProcess.FailOnceAfterTheStep.ARMED.set(false);
    if (process != null) {
      process.delete();
    }
  }

  @ParameterizedTest
  @EnumSource(Remote.class)
  void aServerErrorIsRetriedWithBackOffUnderTheSameKeyThenBecomesAnIncident(Remote adapter) {
    remote.stubFor(adapter.stub(agb).willReturn(aResponse().withStatus(503).withBody("Onderhoud")));
    ProcessInstance pi = start(adapter);
    List<Duration> backOff = retryCycle();

    int executions = 0;
    while (process.job(pi).getRetries() > 0) {
      assertThatThrownBy(() -> process.executeJob(pi)).hasMessageContaining("HTTP 503");
      executions++;
      Job job = process.job(pi);
      if (job.getRetries() > 0) {
        Duration pause = backOff.get(executions - 1);
        assertThat(job.getDuedate()).isEqualTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(pause)));
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(job.getDuedate());
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isOne();
      }
    }

    assertThat(executions).isEqualTo(backOff.size() + 1);
    Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage()).contains("HTTP 503");
    assertThat(pi).isWaitingAt(DelegateTestProcess.STEP);
    remote.verify(executions, adapter.requests(agb, pi));
  }

  @ParameterizedTest
  @EnumSource(Remote.class)
  void aTimeoutIsRetriedUnderTheSameKeyAndSucceedsWhenTheRemoteAnswersAgain(Remote adapter) {
    String scenario = "timeout-" + agb;
    remote.stubFor(adapter.stub(agb).inScenario(scenario).whenScenarioStateIs(STARTED)
        .willReturn(success(adapter, agb).withFixedDelay(3_000)).willSetStateTo("answers"));
    remote.stubFor(adapter.stub(agb).inScenario(scenario).whenScenarioStateIs("answers")
        .willReturn(success(adapter, agb)));
    ProcessInstance pi = start(adapter);

    assertThatThrownBy(() -> process.executeJob(pi)).hasMessageContaining("gave no answer")
        .hasMessageContaining("read-timeout PT2S");
    Job job = process.job(pi);
    assertThat(job.getRetries()).isPositive();
    assertThat(job.getDuedate()).isEqualTo(Date.from(START.plus(retryCycle().get(0))));
    ClockUtil.setCurrentTime(job.getDuedate());
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    if (adapter.writtenVariable != null) {
      assertThat(runtime.getVariable(pi.getId(), adapter.writtenVariable)).isNotNull();
    }
    remote.verify(2, adapter.requests(agb, pi));
  }

  /** AGB_REGISTER is a read without side effect: repeating it is harmless, so it keeps no log. */
  @ParameterizedTest
  @EnumSource(value = Remote.class, names = "AGB_REGISTER", mode = EnumSource.Mode.EXCLUDE)
  void aCallThatSucceededIsNotMadeAgainWhenTheStepFailsAfterIt(Remote adapter) {
    remote.stubFor(adapter.stub(agb).willReturn(success(adapter, agb)));
    ProcessInstance pi = start(adapter);
    DelegateTestProcess.FailOnceAfterTheStep.ARMED.set(true);

    assertThatThrownBy(() -> process.executeJob(pi)).hasMessageContaining("Simulated failure");
    process.executeJob(pi);

    assertThat(pi).isWaitingAt(DelegateTestProcess.DONE);
    remote.verify(1, adapter.requests(agb, pi));
    if (adapter.writtenVariable != null) {
      assertThat(runtime.getVariable(pi.getId(), adapter.writtenVariable)).asString().endsWith(agb);
    }
  }

  private ProcessInstance start(Remote adapter) {
    process = DelegateTestProcess.deploy(engine, adapter.bean, Map.of());
    return process.start(null, Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027,
        "vecozoProposalId", "VZ-" + agb));
  }

  /** One answer that every adapter understands. */
  private static ResponseDefinitionBuilder success(Remote adapter, String agb) {
    return okJson("""
        {"proposalId": "VZ-%1$s", "reference": "REF-%1$s", "agbCode": "%1$s", "name": "Praktijk %1$s",
         "careType": "GGZ", "practitioners": []}""".formatted(agb))
        .withStatus(adapter.method == RequestMethod.POST ? 201 : 200);
  }

  private List<Duration> retryCycle() {
    String cycle = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getFailedJobRetryTimeCycle();
    assertThat(cycle).as("failedJobRetryTimeCycle in application.yaml").isNotBlank();
    return Arrays.stream(cycle.split(",")).map(String::strip).map(Duration::parse).toList();
  }
}
