package nl.salland.zorginkoop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import nl.salland.zorginkoop.validation.RequiredVariablesPlugin.Requirements;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A task's required variables may come with the completion or be in the case already. The filter reads from the case
 * only those the request does not bring: a form that sends every field (Tasklist's) costs no read of the case. The
 * reads run in one engine command under the caller's authorizations (here a command context of mocks, so that the
 * reads can be counted and made to fail); the same through the REST API with real users is in
 * {@link TaskCompletionInputTest}.
 */
class EngineRestInputFilterTaskVariablesTest {

  private final TaskEntity task = mock(TaskEntity.class);
  private final CommandChecker checker = mock(CommandChecker.class);
  private EngineRestInputFilter filter;

  @BeforeEach
  void taskWithTwoRequiredVariables() {
    filter = filterFor(task, checker, "resolved", "reflectionNotes");
  }

  /** A filter whose engine knows one task, {@code t1}, of a step that requires {@code required}. */
  static EngineRestInputFilter filterFor(TaskEntity task, CommandChecker checker, String... required) {
    ProcessDefinitionEntity definition = new ProcessDefinitionEntity();
    definition.createActivity("Task_JointReflection").setProperty(RequiredVariablesPlugin.REQUIRED_PROPERTY,
        new Requirements(List.of(required), Set.of()));
    when(task.getProcessDefinitionId()).thenReturn("escalationLadder:1:1");
    when(task.getProcessDefinition()).thenReturn(definition);
    when(task.getTaskDefinitionKey()).thenReturn("Task_JointReflection");
    CommandContext context = mock(CommandContext.class, RETURNS_DEEP_STUBS);
    when(context.getProcessEngineConfiguration().getCommandCheckers()).thenReturn(List.of(checker));
    when(context.getTaskManager().findTaskById("t1")).thenReturn(task);
    CommandExecutor commands = mock(CommandExecutor.class);
    when(commands.execute(any())).thenAnswer(call -> call.<Command<?>>getArgument(0).execute(context));
    return new EngineRestInputFilter(commands);
  }

  @Test
  void aCompletionWithEveryRequiredVariableReadsNoneFromTheCase() throws Exception {
    MockFilterChain chain = complete(filter, """
        {"variables": {"resolved": {"value": true}, "reflectionNotes": {"value": "Opgelost in gesprek"}}}""");

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    verify(task, never()).getVariable(anyString());
    verify(checker).checkReadTask(task);
  }

  @Test
  void aCompletionWithoutOneReadsOnlyThatOneAndPassesWhenTheCaseHasIt() throws Exception {
    when(task.getVariable("reflectionNotes")).thenReturn("Eerder vastgelegd");

    MockFilterChain chain = complete(filter, """
        {"variables": {"resolved": {"value": false}}}""");

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    verify(checker).checkReadTaskVariable(task);
    verify(task).getVariable("reflectionNotes");
    verify(task, never()).getVariable("resolved");
  }

  @Test
  void aRequiredVariableNeitherSentNorInTheCaseIsRefusedByName() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request("""
        {"variables": {"resolved": {"value": true}, "reflectionNotes": {"value": " "}}}"""), response, chain);

    assertThat(chain.getRequest()).as("not passed on").isNull();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("reflectionNotes");
  }

  @Test
  void aTaskTheCallerMayNotSeeGetsOnlyTheFormatCheckAndItsRequirementsStayUnsaid() throws Exception {
    doThrow(new AuthorizationException("test-kz", "READ", "Task", "t1")).when(checker).checkReadTask(task);
    MockHttpServletResponse response = new MockHttpServletResponse();

    MockFilterChain chain = complete(filter, "{\"variables\": {}}", response);

    assertThat(chain.getRequest()).as("left to Camunda, which refuses it").isNotNull();
    verify(task, never()).getVariable(anyString());

    MockHttpServletResponse badFormat = new MockHttpServletResponse();
    complete(filter, "{\"variables\": {\"agbCode\": {\"value\": \"123\"}}}", badFormat);
    assertThat(badFormat.getStatus()).isEqualTo(400);
    assertThat(badFormat.getContentAsString(StandardCharsets.UTF_8)).contains("agbCode")
        .doesNotContain("reflectionNotes");
  }

  @Test
  void aTaskWhoseVariablesTheCallerMayNotReadIsLeftToCamunda() throws Exception {
    doThrow(new AuthorizationException("test-ggz", "READ_VARIABLE", "Task", "t1")).when(checker)
        .checkReadTaskVariable(task);

    MockFilterChain chain = complete(filter, """
        {"variables": {"resolved": {"value": false}}}""");

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    verify(task, never()).getVariable(anyString());
  }

  static MockFilterChain complete(EngineRestInputFilter filter, String body) throws Exception {
    return complete(filter, body, new MockHttpServletResponse());
  }

  static MockFilterChain complete(EngineRestInputFilter filter, String body, MockHttpServletResponse response)
      throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request(body), response, chain);
    return chain;
  }

  private static MockHttpServletRequest request(String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete");
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }
}
