package nl.salland.zorginkoop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.salland.zorginkoop.TestUsers;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

@ZorginkoopTest
class ContractingCalendarTest {

  private static final String CALENDAR_FILE = "dmn/contracting-calendar.dmn";

  @Autowired
  ContractingCalendar calendar;
  @Autowired
  WorkingDays workingDays;
  @Autowired
  ObjectProvider<ProcessEngine> engines;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  DecisionService decisionService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Value("${zorginkoop.reminders.lead-time}")
  String leadTime;

  private Deployment testDeployment;
  private final List<String> grants = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    identityService.clearAuthentication();
    if (testDeployment != null) {
      repositoryService.deleteDeployment(testDeployment.getId(), true);
    }
    grants.forEach(authorizationService::deleteAuthorization);
  }

  private static Date at(String isoDateTime) {
    return Date.from(ZonedDateTime.parse(isoDateTime).toInstant());
  }

  @Test
  void deadlineIsTheLastOnTimeMoment() {
    // 000_5b3b4acc3ecb3548.txt:550 'uiterlijk 30 september': through the end of that day in Amsterdam.
    assertThat(calendar.deadline("KORTDURENDE_ZORG", 2027, "OFFER_DUE")).isEqualTo(at("2026-09-30T23:59:59.999+02:00"));
    // 004_fbae119c7f6fc4e4.txt:818 'om 17.00 uur exact'.
    assertThat(calendar.deadline("WLZ_GZ", 2027, "REGISTRATION_DUE")).isEqualTo(at("2026-07-31T17:00:00+02:00"));
    // 001_19245b1b7297894e.txt:525 'vóór 1 oktober': 30 September; contract year as Long and as String.
    assertThat(calendar.deadline("HUISARTSENZORG", 2027L, "PROPOSAL_SEND_BY")).isEqualTo(at("2026-09-30T23:59:59.999+02:00"));
    assertThat(calendar.deadline("PARAMEDISCHE_ZORG", "2027", "SIGNING_DUE")).isEqualTo(at("2026-11-12T23:59:59.999+01:00"));
  }

  @Test
  void lateFromIsTheFirstLateMoment() {
    assertThat(calendar.lateFrom("KORTDURENDE_ZORG", 2027, "OFFER_DUE")).isEqualTo(at("2026-10-01T00:00:00+02:00"));
    assertThat(calendar.lateFrom("WLZ_GZ", 2027, "REGISTRATION_DUE")).isEqualTo(at("2026-07-31T17:00:00.001+02:00"));
    assertThat(calendar.lateFrom("WLZ_GZ", 2027, "QUESTIONS_DUE")).isEqualTo(at("2026-06-15T12:00:00.001+02:00"));
  }

  @Test
  void reminderFallsTheLeadTimeBeforeTheDeadline() {
    assertThat(leadTime).isEqualTo("P7D");
    assertThat(calendar.reminderAt("KORTDURENDE_ZORG", 2027, "OFFER_DUE")).isEqualTo(at("2026-09-23T23:59:59.999+02:00"));
    // Seven calendar days across the change to winter time keep the time of day.
    assertThat(calendar.reminderAt("WLZ_GZ", 2027, "SUMMARY_PROCEEDINGS_DUE")).isEqualTo(at("2026-10-30T23:59:59.999+01:00"));
    ContractingCalendar twoDays = new ContractingCalendar(engines, workingDays, "PT48H");
    assertThat(twoDays.reminderAt("WLZ_GZ", 2027, "REGISTRATION_DUE")).isEqualTo(at("2026-07-29T17:00:00+02:00"));
  }

  @Test
  void afterTermCountsDaysAndWorkingDaysToTheEndOfTheLastDay() {
    // 000_5b3b4acc3ecb3548.txt:542 proposal received on 1 October, 'Na 6 weken vervalt dit voorstel': 12 November.
    assertThat(calendar.afterTerm("2026-10-01", "KORTDURENDE_ZORG", 2027, "PROPOSAL_VALIDITY"))
        .isEqualTo(calendar.deadline("KORTDURENDE_ZORG", 2027, "SIGNING_DUE"));
    assertThat(calendar.afterTerm(calendar.lateFrom("PARAMEDISCHE_ZORG", 2027, "PROPOSAL_SEND_BY"), "PARAMEDISCHE_ZORG",
        2027, "PROPOSAL_VALIDITY")).isEqualTo(at("2026-11-12T23:59:59.999+01:00"));
    // 004_fbae119c7f6fc4e4.txt:868 '20 kalenderdagen na de dag van de publicatie': 1 July -> 21 July.
    assertThat(calendar.afterTerm("2026-07-01T09:00:00+02:00", "WLZ_GZ", 2027, "POLICY_SUMMARY_PROCEEDINGS_TERM"))
        .isEqualTo(calendar.deadline("WLZ_GZ", 2027, "POLICY_SUMMARY_PROCEEDINGS_DUE"));
    // 004_fbae119c7f6fc4e4.txt:478 20 days after the tariffs of 4 September; 004:872 14 days after 23 October.
    assertThat(calendar.afterTerm("2026-09-04", "WLZ_GZ", 2027, "OBJECTION_TERM"))
        .isEqualTo(calendar.deadline("WLZ_GZ", 2027, "OBJECTIONS_DUE"));
    assertThat(calendar.afterTerm("2026-10-23", "WLZ_GZ", 2027, "SUMMARY_PROCEEDINGS_TERM"))
        .isEqualTo(calendar.deadline("WLZ_GZ", 2027, "SUMMARY_PROCEEDINGS_DUE"));
    // 004_fbae119c7f6fc4e4.txt:789 'uiterlijk zes maanden na ingangsdatum'.
    assertThat(calendar.afterTerm("2027-01-01", "WLZ_GZ", 2027, "CONDITION_RECHECK_TERM"))
        .isEqualTo(at("2027-07-01T23:59:59.999+02:00"));
    // 004_fbae119c7f6fc4e4.txt:746 'vijf werkdagen': asked on Thursday 30 April 2026, 5 May a holiday -> Friday 8 May.
    assertThat(calendar.afterTerm("2026-04-30T14:00:00+02:00", "WLZ_GZ", 2027, "CLARIFICATION_TERM"))
        .isEqualTo(at("2026-05-08T23:59:59.999+02:00"));
    // 000_5b3b4acc3ecb3548.txt:524 'binnen vier weken'.
    assertThat(calendar.afterTerm(at("2027-03-10T11:00:00+01:00"), "KORTDURENDE_ZORG", 2027,
        "CEILING_OVERRUN_DECISION_TERM")).isEqualTo(at("2027-04-07T23:59:59.999+02:00"));
  }

  @Test
  void isOnTimeReadsDatesAndDateTimes() {
    // 004_fbae119c7f6fc4e4.txt:818 '31 juli 2026 om 17.00 uur exact'.
    assertThat(calendar.isOnTime("2026-07-31T16:59:00+02:00", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isTrue();
    assertThat(calendar.isOnTime("2026-07-31T17:00:00+02:00", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isTrue();
    assertThat(calendar.isOnTime("2026-07-31T17:00:00", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isTrue();
    assertThat(calendar.isOnTime("2026-07-31T15:00:00Z", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isTrue();
    assertThat(calendar.isOnTime("2026-07-31T17:01:00+02:00", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isFalse();
    assertThat(calendar.isOnTime("2026-07-31T17:00:01", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isFalse();
    assertThat(calendar.isOnTime(at("2026-07-31T17:00:00.001+02:00"), "WLZ_GZ", 2027, "REGISTRATION_DUE")).isFalse();
    assertThat(calendar.isOnTime("2026-07-30", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isTrue();
    assertThat(calendar.isOnTime("2026-08-01", "WLZ_GZ", 2027, "REGISTRATION_DUE")).isFalse();
    assertThatThrownBy(() -> calendar.isOnTime("2026-07-31", "WLZ_GZ", 2027, "REGISTRATION_DUE"))
        .hasMessageContaining("time of day");
    // 000_5b3b4acc3ecb3548.txt:482 'tot uiterlijk 1 juni 2026'.
    assertThat(calendar.isOnTime("2026-06-01", "KORTDURENDE_ZORG", 2027, "NEW_PROVIDER_REGISTRATION")).isTrue();
    assertThat(calendar.isOnTime("2026-06-01T23:59:59", "KORTDURENDE_ZORG", 2027, "NEW_PROVIDER_REGISTRATION")).isTrue();
    assertThat(calendar.isOnTime("2026-06-01T22:00:00Z", "KORTDURENDE_ZORG", 2027, "NEW_PROVIDER_REGISTRATION")).isFalse();
    assertThat(calendar.isOnTime(LocalDate.of(2026, 6, 2), "KORTDURENDE_ZORG", 2027, "NEW_PROVIDER_REGISTRATION")).isFalse();
  }

  @Test
  void aMissingRowIsAnErrorNamingSectorYearAndMilestone() {
    assertThatThrownBy(() -> calendar.deadline("GGZ", 2025, "OFFER_DUE"))
        .isInstanceOf(CalendarEntryNotFoundException.class)
        .hasMessageContaining("GGZ").hasMessageContaining("2025").hasMessageContaining("OFFER_DUE");
    assertThatThrownBy(() -> calendar.lateFrom("WLZ_GZ", 2028, "REGISTRATION_DUE"))
        .isInstanceOf(CalendarEntryNotFoundException.class)
        .hasMessageContaining("WLZ_GZ").hasMessageContaining("2028").hasMessageContaining("REGISTRATION_DUE");
    assertThatThrownBy(() -> calendar.afterTerm("2026-10-01", "HUISARTSENZORG", 2027, "CEILING_OVERRUN_DECISION_TERM"))
        .isInstanceOf(CalendarEntryNotFoundException.class).hasMessageContaining("HUISARTSENZORG");
    assertThatThrownBy(() -> calendar.deadline("KORTDURENDE_ZORG", 2027, "PROPOSAL_VALIDITY"))
        .isInstanceOf(CalendarEntryNotFoundException.class).hasMessageContaining("afterTerm");
    assertThatThrownBy(() -> calendar.afterTerm("2026-10-01", "KORTDURENDE_ZORG", 2027, "SIGNING_DUE"))
        .isInstanceOf(CalendarEntryNotFoundException.class).hasMessageContaining("deadline");
    assertThatThrownBy(() -> calendar.deadline("WIJKVERPLEGING", 2027, "OFFER_DUE")).hasMessageContaining("WIJKVERPLEGING");
    assertThatThrownBy(() -> calendar.deadline("GGZ", "twintig", "OFFER_DUE")).hasMessageContaining("contractYear");
    assertThatThrownBy(() -> calendar.deadline("GGZ", 2024, null)).hasMessageContaining("milestone");
  }

  @Test
  void aRedeployedCalendarTakesEffectAtOnce() throws IOException {
    String original = bundledCalendar();
    assertThat(calendar.deadline("KORTDURENDE_ZORG", 2027, "OFFER_DUE")).isEqualTo(at("2026-09-30T23:59:59.999+02:00"));
    try {
      // A process owner moves the offer deadlines of 2027 to 2 October and deploys from Camunda Modeler.
      repositoryService.createDeployment().name("contracting-calendar").source("Camunda Modeler")
          .addString("contracting-calendar.dmn", original.replace("\"2026-09-30\"", "\"2026-10-02\"")).deploy();

      assertThat(calendar.deadline("KORTDURENDE_ZORG", 2027, "OFFER_DUE")).isEqualTo(at("2026-10-02T23:59:59.999+02:00"));
    } finally {
      repositoryService.createDeployment().name("contracting-calendar").source("Camunda Modeler")
          .addString("contracting-calendar.dmn", original).deploy();
    }
    assertThat(calendar.deadline("KORTDURENDE_ZORG", 2027, "OFFER_DUE")).isEqualTo(at("2026-09-30T23:59:59.999+02:00"));
  }

  @Test
  void asksWhichVersionIsTheLatestOncePerEngineCommand() {
    String latest = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ContractingCalendar.DECISION_KEY).latestVersion().singleResult().getId();

    String known = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(commandContext -> {
          calendar.deadline("KORTDURENDE_ZORG", 2027, "OFFER_DUE");
          calendar.reminderAt("KORTDURENDE_ZORG", 2027, "OFFER_DUE");
          // A third question in the same command: the version is known, the database is not asked again.
          return commandContext.getSession(CalendarVersionPerCommand.LatestVersion.class).id(() -> {
            throw new AssertionError("asked for the latest version a second time in one command");
          });
        });

    assertThat(known).isEqualTo(latest);
  }

  @Test
  void worksInsideAnEngineCommandOfAUserWithoutDecisionRights() throws IOException {
    String user = TestUsers.ensure(identityService, "test-calendar-no-rights");
    // A new version, so that the calendar is evaluated now and not taken from what an earlier test looked up.
    repositoryService.createDeployment().name("contracting-calendar").source("Camunda Modeler")
        .addString("contracting-calendar.dmn", bundledCalendar()).deploy();
    identityService.setAuthentication(user, List.of());

    assertThatThrownBy(() -> decisionService.evaluateDecisionByKey(ContractingCalendar.DECISION_KEY)
        .variables(Map.of("sector", "GGZ", "contractYear", 2024)).evaluate())
        .isInstanceOf(AuthorizationException.class);
    Date inCommand = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(commandContext -> calendar.deadline("GGZ", 2024, "SIGNING_DUE"));
    Date plainJava = calendar.deadline("GGZ", 2024, "SIGNING_DUE");

    // 003_ac3f9d7d049546c3.txt:1063 'Uiterlijke tekendatum ... 9 november 2023'.
    assertThat(inCommand).isEqualTo(at("2023-11-09T23:59:59.999+01:00")).isEqualTo(plainJava);
  }

  @Test
  void givesABpmnDueDateWhenAUserWithoutDecisionRightsStartsTheProcess() {
    String key = "calendarTest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    BpmnModelInstance process = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .serviceTask("Task_CheckRegistration").camundaExpression(
            "${execution.setVariable('registeredOnTime', contractingCalendar.isOnTime(now(), sector, contractYear, "
                + "'NEW_PROVIDER_REGISTRATION'))}")
        .userTask("Task_SubmitOffer").camundaDueDate("${contractingCalendar.deadline(sector, contractYear, 'OFFER_DUE')}")
        .camundaFollowUpDate("${contractingCalendar.reminderAt(sector, contractYear, 'OFFER_DUE')}")
        .endEvent("EndEvent_Done")
        .done();
    testDeployment = repositoryService.createDeployment().addModelInstance(key + ".bpmn", process).deploy();
    String user = TestUsers.ensure(identityService, "test-calendar-starter");
    grant(user, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
    grant(user, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);

    // now() in an expression is Camunda's clock: 1 September 2026 15:00 is on time for 001_19245b1b7297894e.txt:505.
    ClockUtil.setCurrentTime(at("2026-09-01T15:00:00+02:00"));
    identityService.setAuthentication(user, List.of());
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(key,
        Map.of("sector", "HUISARTSENZORG", "contractYear", 2027));
    identityService.clearAuthentication();

    assertThat(runtimeService.getVariable(instance.getId(), "registeredOnTime")).isEqualTo(true);

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(at("2026-09-30T23:59:59.999+02:00"));
    assertThat(task.getFollowUpDate()).isEqualTo(at("2026-09-23T23:59:59.999+02:00"));
  }

  @Test
  void theWorkingDaysBeanCountsLiberationDayEveryYearByDefault() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 5, 6))).isTrue();
  }

  private void grant(String user, Resources resource, String resourceId, Permissions... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(user);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permissions permission : permissions) {
      authorization.addPermission(permission);
    }
    grants.add(authorizationService.saveAuthorization(authorization).getId());
  }

  private static String bundledCalendar() throws IOException {
    try (InputStream in = new ClassPathResource(CALENDAR_FILE).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
