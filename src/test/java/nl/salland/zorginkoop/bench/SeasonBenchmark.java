package nl.salland.zorginkoop.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import nl.salland.zorginkoop.ZorginkoopApplication;
import nl.salland.zorginkoop.contracting.RoundStarter;
import nl.salland.zorginkoop.contracting.RoundStarter.RoundRequest;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole procurement season on PostgreSQL (or H2 for comparison, {@code -Dbench.database=h2}), beside the raw engine
 * as its baseline on the same database, in one run: {@code ./mvnw -Pbench test} (see docs/performance.md). Never
 * part of the default test run.
 *
 * <ol>
 *   <li>Baseline: Camunda 7.24 with its Spring Boot defaults (history full, default job executor) and nothing of
 *       ours, on a trivial process (start, one user task, one timer): starts/s, completions/s, a storm of due
 *       timers. Then the same engine on a database of its own with a peer's round (a round's shape with no-op
 *       steps): its starts to the first wait state and its expiry storm.</li>
 *   <li>zorginkoop, as configured for production, on its own database: a register of providers across the five
 *       sectors, a contracting round for each (bulk start) but the Wlz providers, who register through VECOZO's
 *       endpoint and are assessed; offers, signatures and staff tasks through the API, and the clock moved to each
 *       deadline in turn (the deadline storms). Meanwhile the managers' deadline API is queried; afterwards
 *       again.</li>
 * </ol>
 * Results: printed, and written to target/benchmark/season.json (season-h2.json on H2), each figure beside its
 * baseline as a ratio.
 */
@Tag("benchmark")
class SeasonBenchmark {

  static final int PROVIDERS = Integer.getInteger("bench.providers", 20_000);
  static final int THREADS = Integer.getInteger("bench.threads", 4);
  /** PostgreSQL, or H2 for comparison: -Dbench.database=h2. */
  static final BenchDatabase DATABASE = BenchDatabase.chosen();
  static final String ADMIN_PASSWORD = "bench-admin-secret";
  static final String MANAGER = "bench-manager";
  static final String MANAGER_PASSWORD = "bench-manager-secret";
  static final String STAFF_PASSWORD = "bench-staff-secret";
  static final String VECOZO_ADAPTER = "bench-vecozo";
  static final String VECOZO_ADAPTER_PASSWORD = "bench-vecozo-secret";
  static final String WLZ_REJECTION_GROUND = "Het ondernemingsplan is onvoldoende toekomstbestendig, reëel of "
      + "haalbaar (004_fbae119c7f6fc4e4.txt:774)";
  static final String SEASON_START = "2026-08-03T09:00:00+02:00";
  /** Extra settings for zorginkoop, e.g. to measure a configuration: -Dbench.args=--camunda.bpm.history-level=full */
  static final String EXTRA_ARGS = System.getProperty("bench.args", "");

  /** One client for all calls, as a dashboard's browser keeps its connection: a new client per call cost more. */
  private static final HttpClient API_CLIENT = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> results = new LinkedHashMap<>();
  /** The database of the engine under measurement, for {@link #keepStatisticsCurrent()}. */
  private String database;
  private final Random random = new Random(2027);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void season() throws Exception {
    results.put("providers", PROVIDERS);
    results.put("threads", THREADS);
    results.put("cores", Runtime.getRuntime().availableProcessors());
    results.put("database", DATABASE.describe());
    results.put("baseline", baseline());
    results.put("peerRound", peerRound());
    results.put("zorginkoop", zorginkoop());
    results.put("ratios", ratios());
    String name = DATABASE instanceof BenchDatabase.H2 ? "season-h2.json" : "season.json";
    Path file = Path.of("target", "benchmark", name);
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
    System.out.println("\n=== Season benchmark (" + file + ") ===\n"
        + new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
  }

  // --- baseline -------------------------------------------------------------------------------------------------

  private Map<String, Object> baseline() throws Exception {
    database = recreate("zorginkoop_bench_baseline");
    Map<String, Object> figures = new LinkedHashMap<>();
    try (ConfigurableApplicationContext context = defaultsEngine(database)) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      BpmnModelInstance trivial = Bpmn.createExecutableProcess("benchTrivial").camundaHistoryTimeToLive(30)
          .startEvent().userTask("Task_Trivial").intermediateCatchEvent("Timer_Trivial").timerWithDate("${due}")
          .endEvent().done();
      engine.getRepositoryService().createDeployment().addModelInstance("trivial.bpmn", trivial).deploy();
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      figures.put("historyLevel", configuration.getHistoryLevel().getName());
      figures.put("jobExecutor", jobExecutorSettings(configuration));

      ClockUtil.setCurrentTime(at("2026-09-01T09:00:00+02:00"));
      RuntimeService runtime = engine.getRuntimeService();
      DatabaseCounts beforeStarts = DatabaseCounts.of(database);
      figures.put("startsPerSecond", rate(PROVIDERS, () -> parallel(PROVIDERS, i -> runtime
          .startProcessInstanceByKey("benchTrivial", Map.of("due", "2026-10-01T00:00:00+02:00")))));
      beforeStarts.putGrowth(DatabaseCounts.of(database), PROVIDERS, "PerStart", figures, "startsDatabase",
          "startsStatements");
      keepStatisticsCurrent();
      // Through the REST API, as our staff's tasks are (completeAll): the starter's defaults, no login.
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      List<String> tasks = taskIds(engine.getTaskService(), "benchTrivial");
      Latencies completions = new Latencies();
      figures.put("completionsPerSecond", rate(tasks.size(), () -> parallel(tasks.size(),
          i -> completeTask(port, tasks.get(i), null, Map.of(), completions))));
      figures.put("completionLatencies", completions.summary());
      keepStatisticsCurrent();
      figures.put("timerStorm", storm(engine, "2026-10-01T00:00:01+02:00"));
      figures.put("databaseBytes", DATABASE.size(database));
    }
    return figures;
  }

  /** Camunda's Spring Boot starter with its defaults and nothing of ours, on {@code database}. */
  private static ConfigurableApplicationContext defaultsEngine(String database) throws Exception {
    return new SpringApplicationBuilder(BaselineEngine.class)
        .properties("spring.config.name=no-application-yaml", "spring.datasource.url=" + DATABASE.url(database),
            "spring.datasource.username=" + DATABASE.user(), "spring.flyway.enabled=false",
            "camunda.bpm.auto-deployment-enabled=false", "server.port=0", "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            // Camunda's starter brings no Spring Security; it is on this classpath for zorginkoop only.
            "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.security.servlet."
                + "SecurityAutoConfiguration,org.springframework.boot.autoconfigure.security.servlet."
                + "UserDetailsServiceAutoConfiguration,org.springframework.boot.actuate.autoconfigure.security."
                + "servlet.ManagementWebSecurityAutoConfiguration")
        .run();
  }

  /**
   * The peer doing the same work per case: a round's shape as a team would build it with Camunda's defaults (the
   * baseline's engine and settings, on a database of its own), with no-op steps for ours, one round per provider. Up
   * to its first wait state: the start and two jobs (ours: the start job, and the publication in VECOZO), the
   * round's five start variables, then the wait for the signature. Its expiry: an interrupting timer on that wait,
   * the withdrawal as a job of its own, the end of the case; every round expires, a storm as large as the trivial
   * one. What it leaves out of a round, besides the work of our steps: the mails, the deadline and case tracking,
   * authorizations, the steps before and beside the signature.
   */
  private Map<String, Object> peerRound() throws Exception {
    database = recreate("zorginkoop_bench_peer");
    Map<String, Object> figures = new LinkedHashMap<>();
    try (ConfigurableApplicationContext context = defaultsEngine(database)) {
      figures.putAll(peerRound(context.getBean(ProcessEngine.class)));
      figures.put("databaseBytes", DATABASE.size(database));
    }
    return figures;
  }

  private Map<String, Object> peerRound(ProcessEngine engine) throws Exception {
    BpmnModelInstance round = Bpmn.createExecutableProcess("benchPeerRound").camundaHistoryTimeToLive(30)
        .startEvent()
        .serviceTask("Task_Prepare").camundaAsyncBefore().camundaExpression("${true}")
        .serviceTask("Task_Publish").camundaAsyncBefore().camundaExpression("${true}")
        .receiveTask("Task_AwaitSignature").message("BenchPeerSigned")
        .boundaryEvent("Timer_ProposalExpired").timerWithDate("${expiry}")
        .serviceTask("Task_Withdraw").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent("End_Expired")
        .moveToActivity("Task_AwaitSignature").endEvent("End_Signed")
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("peer-round.bpmn", round).deploy();
    int rounds = PROVIDERS;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rounds", rounds);
    ClockUtil.setCurrentTime(at("2026-10-02T09:00:00+02:00"));
    RuntimeService runtime = engine.getRuntimeService();
    DatabaseCounts before = DatabaseCounts.of(database);
    long start = System.nanoTime();
    parallel(rounds, i -> runtime.startProcessInstanceByKey("benchPeerRound", "peer-" + i, Map.of(
        "agbCode", String.format("%08d", i), "sector", "PARAMEDISCHE_ZORG", "contractYear", 2027,
        "providerStatus", "EXISTING", "contractingMode", "DIGITAL", "expiry", "2026-10-20T00:00:00+02:00")));
    figures.put("startsSeconds", round((System.nanoTime() - start) / 1e9));
    figures.put("afterStartJobs", waitForDueJobs(engine));
    figures.put("toFirstWaitStatePerSecond", round(rounds / ((System.nanoTime() - start) / 1e9)));
    before.putGrowth(DatabaseCounts.of(database), rounds, "PerCase", figures, "toFirstWaitStateDatabase",
        "toFirstWaitStateStatements");
    keepStatisticsCurrent();
    figures.put("expiryStorm", storm(engine, "2026-10-20T00:00:01+02:00"));
    return figures;
  }

  // --- zorginkoop -----------------------------------------------------------------------------------------------

  private Map<String, Object> zorginkoop() throws Exception {
    database = recreate("zorginkoop_bench");
    Map<String, Object> figures = new LinkedHashMap<>();
    resetHeapPeaks();
    ClockUtil.setCurrentTime(at(SEASON_START));
    // Command-line arguments: they outrank the postgres profile's ${ZORGINKOOP_...} settings.
    List<String> args = new ArrayList<>(DATABASE.zorginkoopArgs(database));
    args.addAll(List.of("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD, "--server.port=0",
        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--zorginkoop.mail.from=bench@salland.example",
        "--zorginkoop.mail.scheduled-sending=false"));
    for (String system : List.of("agb", "vecozo", "nza", "carefinder")) {
      args.add("--zorginkoop.integration." + system + ".base-url=http://127.0.0.1:${zorginkoop.test.wiremock-port}/"
          + system);
    }
    for (String extra : EXTRA_ARGS.split(",")) {
      if (!extra.isBlank()) {
        args.add(extra.trim());
      }
    }
    figures.put("extraArgs", EXTRA_ARGS);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZorginkoopApplication.class)
        .run(args.toArray(String[]::new))) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      figures.put("historyLevel", configuration.getHistoryLevel().getName());
      figures.put("jobExecutor", jobExecutorSettings(configuration));
      manager(engine.getIdentityService());
      staff(engine.getIdentityService());
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

      Register register = register(jdbc);
      List<RoundRequest> rounds = register.rounds();
      figures.put("register", Map.of("providers", PROVIDERS, "contractingRounds", rounds.size(), "digital",
          rounds.stream().filter(r -> r.contractingMode().equals("DIGITAL")).count(), "wlzRegistrations",
          register.wlz().size()));

      Latencies duringSeason = new Latencies();
      AtomicBoolean seasonRunning = new AtomicBoolean(true);
      Thread sampler = new Thread(() -> {
        while (seasonRunning.get()) {
          deadlineApi(port, "", duringSeason);
          pause(250);
        }
      });
      sampler.start();

      Map<String, Object> phases = new LinkedHashMap<>();
      // Wlz Gz: the providers registered through VECOZO in July, before the closing of 31 July (004:818).
      vecozoAdapter(engine.getIdentityService());
      ClockUtil.setCurrentTime(at("2026-07-20T10:00:00+02:00"));
      List<WlzProvider> wlz = register.wlz();
      Latencies registrationLatencies = new Latencies();
      phases.put("wlzRegistrations", timed(wlz.size(), () -> parallel(wlz.size(),
          i -> wlzRegistration(port, wlz.get(i), registrationLatencies))));
      phases.put("wlzRegistrationLatencies", registrationLatencies.summary());
      phases.put("afterWlzRegistrationJobs", drain(engine));

      ClockUtil.setCurrentTime(at(SEASON_START));
      RoundStarter starter = context.getBean(RoundStarter.class);
      DatabaseCounts before = DatabaseCounts.of(database);
      phases.put("startRounds", timed(rounds.size(), () -> parallelChunks(rounds, starter::startAll)));
      before.putGrowth(DatabaseCounts.of(database), rounds.size(), "PerCase", phases, "startRoundsDatabase",
          "startRoundsStatements");
      keepStatisticsCurrent();
      phases.put("afterStartJobs", drain(engine));
      // Request and start jobs together: what a round costs up to its first wait state (ANALYZE's own rows included).
      before.putGrowth(DatabaseCounts.of(database), rounds.size(), "PerCase", phases, "toFirstWaitStateDatabase",
          "toFirstWaitStateStatements");
      // The target's condition: every case of the season open (the rounds waiting at their first step), no storm.
      figures.put("openCasesAtStartOfSeason", openCases(jdbc));
      figures.put("deadlineApiWithAllCasesOpen", deadlineApiCalls(port));

      List<RoundRequest> faceToFace = rounds.stream().filter(r -> r.contractingMode().equals("FACE_TO_FACE"))
          .toList();
      List<RoundRequest> digital = rounds.stream().filter(r -> r.contractingMode().equals("DIGITAL")).toList();
      ClockUtil.setCurrentTime(at("2026-08-20T10:00:00+02:00"));
      List<RoundRequest> askingOffer = faceToFace.stream().filter(r -> !r.sector().equals("GGZ")).toList();
      // 80 % of the face-to-face rounds asked for an offer send (partial) offers, 70 % of the digital rounds sign; the
      // rest run into their deadlines.
      List<RoundRequest> offering = everyButSome(askingOffer, i -> i % 5 != 0);
      List<RoundRequest> signing = everyButSome(digital, i -> i % 10 < 7);
      phases.put("partialOffers", timed(offering.size(), () -> parallel(offering.size(),
          i -> correlate(engine, offering.get(i), "PartialOfferReceived"))));
      phases.put("benchmarkTasks", completeAll(engine, port, "contractingRound", "Task_AgreeBenchmarking",
          i -> Map.of("benchmarkingMethod", "BENCHMARK")));
      phases.put("wlzDocumentChecks", completeAll(engine, port, "wlzRegistration", "Task_CheckDocuments",
          i -> Map.of("documentsCheckOutcome", "IN_ORDER", "documentsCheckNotes", "Bestuursverklaring volledig")));
      phases.put("wlzIntegrityChecks", completeAll(engine, port, "wlzRegistration", "Task_IntegrityCheck",
          i -> Map.of("integrityConcerns", false, "integrityFindings", "Geen bevindingen")));
      phases.put("afterWlzChecksJobs", drain(engine));

      phases.put("stormReminders_2026-09-08", storm(engine, "2026-09-08T00:00:01+02:00"));

      ClockUtil.setCurrentTime(at("2026-09-10T10:00:00+02:00"));
      phases.put("digitalSignatures", timed(signing.size(), () -> parallel(signing.size(),
          i -> correlate(engine, signing.get(i), "ContractSigned"))));
      phases.put("offers", timed(offering.size(), () -> parallel(offering.size(),
          i -> correlate(engine, offering.get(i), "OfferReceived"))));
      phases.put("afterSignaturesJobs", drain(engine));
      phases.put("reviewTasks", completeAll(engine, port, "contractingRound", "Task_ReviewOffer",
          i -> Map.of("offerAssessment", "Beoordeeld")));
      phases.put("negotiationTasks", completeAll(engine, port, "contractingRound", "Task_Negotiate",
          i -> Map.of("agreementReached", true)));
      phases.put("afterNegotiationJobs", drain(engine));
      phases.put("wlzConversations", completeAll(engine, port, "wlzRegistration", "Task_HoldConversation",
          i -> Map.of("conversationDate", "2026-09-10", "conversationOnLocation", true,
              "conversationFindings", "Beeld komt overeen met het ondernemingsplan")));

      phases.put("stormExpiry_2026-09-15", storm(engine, "2026-09-15T00:00:01+02:00"));
      phases.put("stormOffersLate_2026-10-01", storm(engine, "2026-10-01T00:00:01+02:00"));
      ClockUtil.setCurrentTime(at("2026-10-15T10:00:00+02:00"));
      phases.put("faceToFaceSignatures", timed(faceToFace.size(), () -> parallel(faceToFace.size(), i -> {
        if (i % 10 != 0) {
          correlateIfWaiting(engine, faceToFace.get(i), "ContractSigned");
        }
      })));
      phases.put("afterFaceToFaceSignaturesJobs", drain(engine));
      // One Wlz registration in ten is rejected (004:774); the rest get an offer and the summary-proceedings
      // window of 14 days from the feedback (004:872), which ends in a storm of its own.
      phases.put("wlzFinalAssessments", completeAll(engine, port, "wlzRegistration", "Task_FinalAssessment",
          i -> i % 10 == 0
              ? Map.of("approved", false, "rejectionGrounds", new JsonVariable("[\"" + WLZ_REJECTION_GROUND + "\"]"),
                  "addedValueAssessment", "Geen", "assessmentMotivation", "Niet onderbouwd")
              : Map.of("approved", true, "addedValueAssessment", "Vult een tekort in de regio aan",
                  "assessmentMotivation", "Positief")));
      phases.put("afterWlzFinalAssessmentJobs", drain(engine));
      phases.put("stormSummaryProceedings_2026-10-30", storm(engine, "2026-10-30T00:00:01+01:00"));
      ClockUtil.setCurrentTime(at("2026-11-02T10:00:00+01:00"));
      phases.put("wlzContracting", completeAll(engine, port, "wlzRegistration", "Task_ContractDefinitively",
          i -> Map.of("productionAgreement", "Wonen met intensieve begeleiding: 12 plaatsen")));
      phases.put("afterWlzContractingJobs", drain(engine));
      phases.put("stormSigningLate_2026-11-13", storm(engine, "2026-11-13T00:00:01+01:00"));
      figures.put("phases", phases);

      seasonRunning.set(false);
      sampler.join();
      figures.put("deadlineApiDuringSeason", duringSeason.summary());
      figures.put("deadlineApiAfterSeason", deadlineApiCalls(port));
      figures.put("openCases", openCases(jdbc));
      figures.put("openDeadlines", jdbc.queryForObject("SELECT COUNT(*) FROM zi_deadline WHERE status = 'OPEN'",
          Long.class));
      figures.put("incidents", engine.getRuntimeService().createIncidentQuery().count());
      figures.put("outcomes", outcomes(jdbc, "contractingRound"));
      figures.put("wlzOutcomes", outcomes(jdbc, "wlzRegistration"));
      figures.put("heapPeakBytes", heapPeak());
      figures.put("rssBytes", rss());
      figures.put("databaseBytes", DATABASE.size(database));
    }
    return figures;
  }

  /** The contracting rounds of four sectors and the Wlz registrations of the fifth. */
  record Register(List<RoundRequest> rounds, List<WlzProvider> wlz) {
  }

  /** A Wlz Gz provider's registration: {@code kind} as in WlzRegistrationTest (the decisions' inputs). */
  record WlzProvider(String agbCode, String kind, boolean complete) {
  }

  /**
   * A register across the five sectors: mostly paramedical and GP practices, fewer GGZ, short-term care and Wlz
   * providers. Every provider but the Wlz ones gets a contracting round; a Wlz provider registers for the Wlz.
   */
  private Register register(JdbcTemplate jdbc) {
    List<RoundRequest> rounds = new ArrayList<>();
    List<WlzProvider> wlz = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < PROVIDERS; i++) {
      String agb = String.format("%08d", 10_000_000 + i * 7);
      rows.add(new Object[] {agb, "Praktijk " + i, "Deventer", agb + "@example.org"});
      double draw = random.nextDouble();
      if (draw >= 0.98) {
        double kind = random.nextDouble();
        wlz.add(new WlzProvider(agb, kind < 0.6 ? "EXISTING" : kind < 0.75 ? "EXISTING_SMALL"
            : kind < 0.85 ? "EXISTING_NEW_TO_OFFICE" : "NEW", random.nextDouble() >= 0.05));
        continue;
      }
      String sector = draw < 0.47 ? "PARAMEDISCHE_ZORG" : draw < 0.82 ? "HUISARTSENZORG" : draw < 0.92 ? "GGZ"
          : "KORTDURENDE_ZORG";
      boolean faceToFace = switch (sector) {
        case "KORTDURENDE_ZORG" -> random.nextDouble() < 0.6;
        case "GGZ" -> random.nextDouble() < 0.3;
        default -> random.nextDouble() < 0.05;
      };
      rounds.add(new RoundRequest(agb, sector, 2027, "EXISTING", faceToFace ? "FACE_TO_FACE" : "DIGITAL"));
    }
    jdbc.batchUpdate("INSERT INTO zi_provider (agb_code, name, municipality, email, created_at, updated_at) "
        + "VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", rows);
    return new Register(rounds, wlz);
  }

  /**
   * What VECOZO delivers for a Wlz registration: {@code POST /api/vecozo/wlz-registrations}, with the inputs of the
   * category, duration and tariff decisions (the cluster's starting percentage for every kind that can get an offer).
   */
  private static void wlzRegistration(int port, WlzProvider provider, Latencies latencies)
      throws JsonProcessingException {
    Map<String, Object> body = new LinkedHashMap<>(switch (provider.kind()) {
      case "EXISTING" -> Map.of("contractWithThisOffice", true, "contractedWholePreviousYear", true,
          "wlzRevenuePreviousYear", 150000, "clusterStartingPercentage", 96.5);
      case "EXISTING_SMALL" -> Map.of("contractWithThisOffice", true, "contractedWholePreviousYear", true,
          "wlzRevenuePreviousYear", 80000, "clusterStartingPercentage", 96.5);
      case "EXISTING_NEW_TO_OFFICE" -> Map.of("contractWithThisOffice", false, "contractWithOtherOffice", true,
          "otherOfficeContractWholePreviousYear", true, "declaringSinceJanuaryFirst", true,
          "clusterStartingPercentage", 96.5);
      default -> Map.of("contractWithThisOffice", false, "contractWithOtherOffice", false,
          "clusterStartingPercentage", 95.5);
    });
    body.putAll(Map.of("agbCode", provider.agbCode(), "contractYear", 2027,
        "registeredAt", "2026-07-20T10:00:00+02:00", "complete", provider.complete()));
    call(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/vecozo/wlz-registrations"))
        .header("Authorization", basic(VECOZO_ADAPTER, VECOZO_ADAPTER_PASSWORD))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), 201,
        "Wlz registration", latencies);
  }

  // --- measuring ------------------------------------------------------------------------------------------------

  /**
   * Moves the clock to the storm's moment and lets the job executor work until nothing is due. Also counts what the
   * storm wrote per due timer, follow-up jobs included (outside the timed interval): rows and transactions, the
   * latter including the read-only ones of the deadline API and of this method's polling.
   */
  private Map<String, Object> storm(ProcessEngine engine, String moment) throws Exception {
    ManagementService management = engine.getManagementService();
    Date when = at(moment);
    long timers = management.createJobQuery().timers().duedateLowerThan(when).count();
    DatabaseCounts before = DatabaseCounts.of(database);
    ClockUtil.setCurrentTime(when);
    // Wall-clock times, to line up a profile or database samples taken from outside with the storm.
    System.out.println("storm " + moment + " started " + java.time.Instant.now());
    long start = System.nanoTime();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    waitWhileAnyRow("SELECT 1 FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ < ? FETCH FIRST 1 ROWS ONLY", when,
        start);
    double timersSeconds = (System.nanoTime() - start) / 1e9;
    System.out.println("storm " + moment + " timers done " + java.time.Instant.now());
    Map<String, Object> drained = waitForDueJobs(engine);
    DatabaseCounts after = DatabaseCounts.of(database); // before ANALYZE, which writes PostgreSQL's catalog
    keepStatisticsCurrent();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("dueTimers", timers);
    figures.put("timersSeconds", round(timersSeconds));
    figures.put("timersPerSecond", timers == 0 ? 0 : round(timers / timersSeconds));
    figures.put("followUpJobs", drained);
    if (timers > 0) {
      before.putGrowth(after, timers, "PerTimer", figures, "databasePerTimer", "statements");
    }
    return figures;
  }

  /**
   * What the database has counted so far: commits and row changes, and the statements executed, each where the
   * database counts them (see {@link BenchDatabase}).
   */
  private record DatabaseCounts(Map<String, Long> rows, Map<Long, StatementStats.Counted> statements) {

    static DatabaseCounts of(String database) throws Exception {
      return new DatabaseCounts(DATABASE.counters(database), DATABASE.statements(database));
    }

    /** The growth up to {@code after} per case, put as {@code rowsName} and {@code statementsName} where counted. */
    void putGrowth(DatabaseCounts after, long cases, String suffix, Map<String, Object> figures, String rowsName,
        String statementsName) {
      putIfAny(figures, rowsName, per(rows, after.rows(), cases, suffix));
      putIfAny(figures, statementsName, StatementStats.per(statements, after.statements(), cases, suffix));
    }

    private static void putIfAny(Map<String, Object> figures, String name, Map<String, Object> values) {
      if (!values.isEmpty()) {
        figures.put(name, values);
      }
    }
  }

  /**
   * Polls {@code sql} (one parameter: {@code moment}) until it finds no row. It asks whether one due job is left, not
   * how many: counting them at every poll took PostgreSQL 4.7 s of the 26.8 s it spent executing statements during
   * a 20,000-provider reminder storm (pg_stat_statements).
   */
  private void waitWhileAnyRow(String sql, Date moment, long startNanos) throws Exception {
    try (Connection probe = DATABASE.connect(database);
        PreparedStatement query = probe.prepareStatement(sql)) {
      query.setTimestamp(1, new Timestamp(moment.getTime()));
      while (hasRow(query)) {
        Thread.sleep(pollInterval(startNanos));
      }
    }
  }

  private static boolean hasRow(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      return rs.next();
    }
  }

  /** Waits until the job executor has no due job left; how long that took. Then ANALYZE, where needed. */
  private Map<String, Object> drain(ProcessEngine engine) throws Exception {
    Map<String, Object> drained = waitForDueJobs(engine);
    keepStatisticsCurrent();
    return drained;
  }

  private Map<String, Object> waitForDueJobs(ProcessEngine engine) throws Exception {
    ManagementService management = engine.getManagementService();
    long jobs = management.createJobQuery().executable().count();
    long start = System.nanoTime();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    // The conditions of the engine's executable() query.
    waitWhileAnyRow("""
        SELECT 1 FROM ACT_RU_JOB RES LEFT JOIN ACT_RU_EXECUTION PI ON PI.ID_ = RES.PROCESS_INSTANCE_ID_
        WHERE RES.RETRIES_ > 0 AND (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= ?)
          AND (RES.EXECUTION_ID_ IS NULL OR PI.SUSPENSION_STATE_ = 1 OR PI.SUSPENSION_STATE_ IS NULL)
        FETCH FIRST 1 ROWS ONLY""", ClockUtil.getCurrentTime(), start);
    double seconds = (System.nanoTime() - start) / 1e9;
    return Map.of("dueJobsAtStart", jobs, "seconds", round(seconds));
  }

  /**
   * Completes every open task {@code taskKey} of {@code processKey} as Tasklist does: {@code POST
   * /engine-rest/task/{id}/complete}, logged in as a staff member of the task's sector (login, the input check of
   * the task's form fields, the sector's authorizations); the i-th task with {@code variables(i)}.
   */
  private Map<String, Object> completeAll(ProcessEngine engine, int port, String processKey, String taskKey,
      IntFunction<Map<String, Object>> variables) throws Exception {
    List<String> tasks = new ArrayList<>();
    List<String> staff = new ArrayList<>();
    for (String group : Groups.staffGroups()) {
      engine.getTaskService().createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey)
          .taskCandidateGroup(group).list().forEach(task -> {
            tasks.add(task.getId());
            staff.add(staffMember(group));
          });
    }
    Latencies latencies = new Latencies();
    Map<String, Object> figures = new LinkedHashMap<>(timed(tasks.size(), () -> parallel(tasks.size(),
        i -> completeTask(port, tasks.get(i), staff.get(i), variables.apply(i), latencies))));
    figures.put("latencies", latencies.summary());
    return figures;
  }

  /** A variable of JSON type (Camunda's REST API: {@code "type": "Json"}). */
  record JsonVariable(String json) {
  }

  /** {@code POST /engine-rest/task/{id}/complete}; {@code user} null: without login (the baseline). */
  private static void completeTask(int port, String taskId, String user, Map<String, Object> variables,
      Latencies latencies) throws JsonProcessingException {
    Map<String, Object> values = new LinkedHashMap<>();
    variables.forEach((name, value) -> values.put(name, value instanceof JsonVariable json
        ? Map.of("value", json.json(), "type", "Json") : Map.of("value", value)));
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", values))));
    if (user != null) {
      request.header("Authorization", basic(user, STAFF_PASSWORD));
    }
    call(request.build(), 204, "completing task " + taskId, latencies);
  }

  private static void correlate(ProcessEngine engine, RoundRequest round, String message) {
    engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(round.businessKey())
        .correlateWithResult();
  }

  /**
   * Face-to-face rounds without agreement or offer do not wait for a signature: a correlation to all waiting
   * instances of the round's business key, none for those, in one command instead of looking first.
   */
  private static void correlateIfWaiting(ProcessEngine engine, RoundRequest round, String message) {
    engine.getRuntimeService().createMessageCorrelation(message).processInstanceBusinessKey(round.businessKey())
        .correlateAllWithResult();
  }

  /**
   * 300 calls of the deadline API one after the other, with six filters a manager uses: the percentiles of all
   * calls, and of each filter's 50 ({@code perFilter}), since the slowest filter decides the p95 of all.
   */
  private static Map<String, Object> deadlineApiCalls(int port) {
    Latencies latencies = new Latencies();
    String[] filters = {"", "sector=GGZ", "sector=PARAMEDISCHE_ZORG&status=OVERDUE", "provider=Praktijk%201",
        "status=MISSED&weeks=26", "sector=KORTDURENDE_ZORG&limit=2000"};
    Map<String, Latencies> perFilter = new LinkedHashMap<>();
    for (String filter : filters) {
      perFilter.put(filter, new Latencies());
    }
    for (int i = 0; i < 300; i++) {
      String filter = filters[i % filters.length];
      deadlineApi(port, filter, latencies, perFilter.get(filter));
    }
    Map<String, Object> summary = new LinkedHashMap<>(latencies.summary());
    Map<String, Object> filterSummaries = new LinkedHashMap<>();
    perFilter.forEach((filter, filterLatencies) -> filterSummaries.put(filter.isEmpty() ? "(none)" : filter,
        filterLatencies.summary()));
    summary.put("perFilter", filterSummaries);
    return summary;
  }

  /** Cases of {@code processKey} per outcome (column names quoted: H2 would answer them in capitals). */
  private static List<Map<String, Object>> outcomes(JdbcTemplate jdbc, String processKey) {
    return jdbc.queryForList("SELECT outcome AS \"outcome\", COUNT(*) AS \"cases\" FROM zi_case "
        + "WHERE process_key = ? GROUP BY outcome ORDER BY outcome", processKey);
  }

  private static long openCases(JdbcTemplate jdbc) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM zi_case WHERE status = 'ACTIVE'", Long.class);
  }

  private static void deadlineApi(int port, String query, Latencies... latencies) {
    call(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/deadlines?" + query))
        .header("Authorization", basic(MANAGER, MANAGER_PASSWORD))
        .timeout(Duration.ofSeconds(30)).GET().build(), 200, "deadline API", latencies);
  }

  /** A call through the shared client; its response time goes to each of {@code latencies}; another status fails. */
  private static void call(HttpRequest request, int expectedStatus, String what, Latencies... latencies) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = API_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
      }
      long elapsed = System.nanoTime() - start;
      for (Latencies into : latencies) {
        into.add(elapsed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    }
  }

  private static void manager(IdentityService identity) {
    user(identity, MANAGER, MANAGER_PASSWORD, Groups.MANAGERS);
  }

  /** One staff member per sector, in the sector's staff group (who may work on that sector's tasks). */
  private static void staff(IdentityService identity) {
    for (String group : Groups.staffGroups()) {
      user(identity, staffMember(group), STAFF_PASSWORD, group);
    }
  }

  private static String staffMember(String group) {
    return "bench-" + group;
  }

  private static void vecozoAdapter(IdentityService identity) {
    user(identity, VECOZO_ADAPTER, VECOZO_ADAPTER_PASSWORD, Groups.SYSTEM_INTEGRATIONS);
  }

  private static void user(IdentityService identity, String id, String password, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(password);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  interface Work {
    void run() throws Exception;
  }

  interface Step {
    void run(int index) throws Exception;
  }

  private static double rate(int count, Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return round(count / ((System.nanoTime() - start) / 1e9));
  }

  private static Map<String, Object> timed(int count, Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    return Map.of("count", count, "seconds", round(seconds), "perSecond", count == 0 ? 0 : round(count / seconds));
  }

  private static List<RoundRequest> everyButSome(List<RoundRequest> rounds, IntPredicate taken) {
    return IntStream.range(0, rounds.size()).filter(taken).mapToObj(rounds::get).toList();
  }

  /** Runs step(0..count-1) on the benchmark's threads. */
  private static void parallel(int count, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = thread; i < count; i += THREADS) {
            step.run(i);
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /** The list split in one slice per thread. */
  private static <T> void parallelChunks(List<T> items, Consumer<List<T>> consumer) throws Exception {
    int slice = (items.size() + THREADS - 1) / THREADS;
    parallel(THREADS, t -> {
      int from = Math.min(items.size(), t * slice);
      consumer.accept(items.subList(from, Math.min(items.size(), from + slice)));
    });
  }

  private static List<String> taskIds(TaskService tasks, String processKey) {
    return tasks.createTaskQuery().processDefinitionKey(processKey).list().stream().map(Task::getId).toList();
  }

  private Map<String, Object> ratios() {
    @SuppressWarnings("unchecked")
    Map<String, Object> baseline = (Map<String, Object>) results.get("baseline");
    @SuppressWarnings("unchecked")
    Map<String, Object> ours = (Map<String, Object>) results.get("zorginkoop");
    @SuppressWarnings("unchecked")
    Map<String, Object> phases = (Map<String, Object>) ours.get("phases");
    double baselineStarts = ((Number) baseline.get("startsPerSecond")).doubleValue();
    double baselineTimers = ((Number) ((Map<?, ?>) baseline.get("timerStorm")).get("timersPerSecond")).doubleValue();
    Map<String, Object> ratios = new LinkedHashMap<>();
    Map<?, ?> starts = (Map<?, ?>) phases.get("startRounds");
    ratios.put("roundStartsVsTrivialStarts", round(((Number) starts.get("perSecond")).doubleValue() / baselineStarts));
    // The start event is asynchronous: a round is at its first wait state once the job executor ran its start job.
    double toFirstWait = ((Number) starts.get("seconds")).doubleValue()
        + ((Number) ((Map<?, ?>) phases.get("afterStartJobs")).get("seconds")).doubleValue();
    double roundsToFirstWaitPerSecond = ((Number) starts.get("count")).doubleValue() / toFirstWait;
    ratios.put("roundStartsToFirstWaitStateVsTrivialStarts", round(roundsToFirstWaitPerSecond / baselineStarts));
    Map<?, ?> wlz = (Map<?, ?>) phases.get("wlzRegistrations");
    ratios.put("wlzRegistrationsVsTrivialStarts",
        round(((Number) wlz.get("perSecond")).doubleValue() / baselineStarts));
    phases.forEach((name, value) -> {
      if (name.startsWith("storm") && value instanceof Map<?, ?> storm
          && ((Number) storm.get("dueTimers")).longValue() > 0) {
        ratios.put(name + "VsTrivialTimerStorm",
            round(((Number) storm.get("timersPerSecond")).doubleValue() / baselineTimers));
      }
    });
    // The same work per case (see peerRound): beside the targets, which compare with the trivial process.
    Map<?, ?> peer = (Map<?, ?>) results.get("peerRound");
    ratios.put("roundStartsToFirstWaitStateVsPeerRound",
        round(roundsToFirstWaitPerSecond / ((Number) peer.get("toFirstWaitStatePerSecond")).doubleValue()));
    ratios.put("stormExpiryVsPeerRoundExpiry", round(((Number) ((Map<?, ?>) phases.get("stormExpiry_2026-09-15"))
        .get("timersPerSecond")).doubleValue()
        / ((Number) ((Map<?, ?>) peer.get("expiryStorm")).get("timersPerSecond")).doubleValue()));
    ratios.put("taskCompletionsVsTrivialCompletions", round(((Number) ((Map<?, ?>) phases.get("reviewTasks"))
        .get("perSecond")).doubleValue() / ((Number) baseline.get("completionsPerSecond")).doubleValue()));
    return ratios;
  }

  // --- environment ----------------------------------------------------------------------------------------------

  private static String recreate(String database) throws Exception {
    DATABASE.recreate(database);
    return database;
  }

  private void keepStatisticsCurrent() throws Exception {
    DATABASE.keepStatisticsCurrent(database);
  }

  /** The counters' growth from before to after, divided by {@code count}, named e.g. {@code insertedPerCase}. */
  private static Map<String, Object> per(Map<String, Long> before, Map<String, Long> after, long count,
      String suffix) {
    Map<String, Object> per = new LinkedHashMap<>();
    before.forEach((name, value) -> per.put(name + suffix, round((after.get(name) - value) / (double) count)));
    return per;
  }

  private static Map<String, Object> jobExecutorSettings(ProcessEngineConfigurationImpl configuration) {
    var executor = configuration.getJobExecutor();
    return Map.of("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition(),
        "waitTimeInMillis", executor.getWaitTimeInMillis(), "lockTimeInMillis", executor.getLockTimeInMillis(),
        "class", executor.getClass().getSimpleName());
  }

  private static void resetHeapPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static long rss() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return -1;
  }

  /**
   * How long to wait before asking again whether jobs are left: 1 % of the time waited so far, at least 50 ms. Each
   * question is a query over the job table that takes PostgreSQL time from the job executor it measures; this way
   * a storm is asked about a few hundred times instead of twenty times a second, and the end is still known to 1 %.
   */
  private static long pollInterval(long startNanos) {
    return Math.max(50, (System.nanoTime() - startNanos) / 100_000_000);
  }

  private static Date at(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
