package nl.salland.zorginkoop.engine;

import static nl.salland.zorginkoop.process.ProcessDriver.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import nl.salland.zorginkoop.process.ProcessDriver;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When two staff complete one task at the same moment, the loser's request can fail anywhere inside the engine: an
 * optimistic-locking conflict, "task not found", a 403 because the task's authorizations were deleted with it, or a
 * plain engine error such as a NullPointerException when it read the process instance the winner had just ended. ConcurrentChangesTest races real requests; this test pins down the
 * answer for each of those failures, whichever the race happens to produce.
 */
@ZorginkoopTest
class EngineRestErrorsTest {

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ProcessDriver driver;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anyEngineErrorWhileCompletingATaskThatIsNowGoneIsA404SayingSo() {
    String gone = completedTask();

    for (String path : new String[] {"task/" + gone + "/complete", "/task/" + gone + "/submit-form",
        "task/" + gone + "/resolve"}) {
      Response answer = EngineRestErrors.answer(new NullPointerException("processInstance is null"), path);

      assertThat(answer.getStatus()).as(path).isEqualTo(404);
      assertThat(((ExceptionDto) answer.getEntity()).getMessage()).startsWith(EngineRestErrors.TASK_GONE);
    }
  }

  @Test
  void aRefusalWhileCompletingATaskThatIsNowGoneIsA404SayingSo() {
    String gone = completedTask();

    Response answer = EngineRestErrors.answer(refusal(gone), "task/" + gone + "/complete");

    assertThat(answer.getStatus()).isEqualTo(404);
    assertThat(((ExceptionDto) answer.getEntity()).getMessage()).startsWith(EngineRestErrors.TASK_GONE);
  }

  @Test
  void aRefusalOnATaskThatStillExistsStaysA403() {
    String open = openTask();

    Response answer = EngineRestErrors.answer(refusal(open), "task/" + open + "/complete");

    assertThat(answer.getStatus()).isEqualTo(403);
  }

  @Test
  void anEngineErrorOnATaskThatStillExistsStaysA500() {
    String open = openTask();

    Response answer = EngineRestErrors.answer(new NullPointerException("a real fault"), "task/" + open + "/complete");

    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(((ExceptionDto) answer.getEntity()).getType()).isEqualTo("NullPointerException");
  }

  @Test
  void anEngineErrorElsewhereStaysA500() {
    Response answer = EngineRestErrors.answer(new NullPointerException("a real fault"), "process-instance/count");

    assertThat(answer.getStatus()).isEqualTo(500);
  }

  /** Camunda's REST API answers a start by an unknown key with 404, by an unknown definition id with 500. */
  @Test
  void aStartByADefinitionIdThatDoesNotExistIsA404() {
    Exception unknown = (Exception) catchThrowable(() -> runtime.startProcessInstanceById("noSuchProcess:1:1"));

    Response answer = EngineRestErrors.answer(new RestException(Response.Status.INTERNAL_SERVER_ERROR, unknown,
        "Cannot instantiate process definition noSuchProcess:1:1"), "process-definition/noSuchProcess:1:1/start");

    assertThat(answer.getStatus()).isEqualTo(404);
    assertThat(((ExceptionDto) answer.getEntity()).getMessage()).contains("noSuchProcess:1:1");
  }

  /** A definition that exists but calls one that does not is a fault of the model: it stays a 500. */
  @Test
  void aMissingDefinitionOtherThanTheOneAddressedStaysA500() {
    Exception callingTheMissing = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new NotFoundException("no deployed process definition found with id 'subprocess:1:1'"), "Cannot instantiate");

    Response answer = EngineRestErrors.answer(callingTheMissing, "process-definition/contractingRound:3:7/start");

    assertThat(answer.getStatus()).isEqualTo(500);
  }

  /** What the engine throws when the caller's TASK_WORK authorization on the task is missing (or went with it). */
  private static AuthorizationException refusal(String taskId) {
    return new AuthorizationException("test-ggz", Permissions.TASK_WORK.getName(), Resources.TASK.resourceName(),
        taskId);
  }

  private String openTask() {
    at("2026-10-05T09:00:00+02:00");
    String agb = TestAgbCodes.next();
    ProcessInstance ladder = runtime.startProcessInstanceByKey("escalationLadder", agb + "-GGZ-2027",
        Map.of("agbCode", agb, "sector", "GGZ", "contractYear", 2027, "contractingMode", "FACE_TO_FACE"));
    driver.runDueJobs(ladder);
    return driver.task(ladder, "Task_JointReflection").getId();
  }

  private String completedTask() {
    String taskId = openTask();
    tasks.complete(taskId, Map.of("resolved", true, "reflectionNotes", "Opgelost in gesprek"));
    return taskId;
  }
}
