package nl.salland.zorginkoop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.salland.zorginkoop.validation.RequiredVariablesPlugin.Requirements;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A task's required variables may come with the completion or be in the case already. The filter reads from the case
 * only those the request does not bring: a form that sends every field (Tasklist's) costs no read of the case.
 */
class EngineRestInputFilterTaskVariablesTest {

  private final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
  private EngineRestInputFilter filter;

  @BeforeEach
  void taskWithTwoRequiredVariables() {
    ProcessDefinitionEntity definition = new ProcessDefinitionEntity();
    definition.createActivity("Task_JointReflection").setProperty(RequiredVariablesPlugin.REQUIRED_PROPERTY,
        new Requirements(List.of("resolved", "reflectionNotes"), Set.of()));
    RepositoryServiceImpl repository = mock(RepositoryServiceImpl.class);
    when(repository.getDeployedProcessDefinition("escalationLadder:1:1")).thenReturn(definition);
    Task task = mock(Task.class);
    when(task.getProcessDefinitionId()).thenReturn("escalationLadder:1:1");
    when(task.getTaskDefinitionKey()).thenReturn("Task_JointReflection");
    when(tasks.createTaskQuery().taskId("t1").singleResult()).thenReturn(task);
    filter = new EngineRestInputFilter(repository, tasks);
  }

  @Test
  void aCompletionWithEveryRequiredVariableReadsNoneFromTheCase() throws Exception {
    MockFilterChain chain = complete("""
        {"variables": {"resolved": {"value": true}, "reflectionNotes": {"value": "Opgelost in gesprek"}}}""");

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    verify(tasks, never()).getVariables(anyString(), anyCollection());
  }

  @Test
  void aCompletionWithoutOneReadsOnlyThatOneAndPassesWhenTheCaseHasIt() throws Exception {
    when(tasks.getVariables("t1", List.of("reflectionNotes")))
        .thenReturn(Map.of("reflectionNotes", "Eerder vastgelegd"));

    MockFilterChain chain = complete("""
        {"variables": {"resolved": {"value": false}}}""");

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    verify(tasks).getVariables("t1", List.of("reflectionNotes"));
  }

  @Test
  void aRequiredVariableNeitherSentNorInTheCaseIsRefusedByName() throws Exception {
    when(tasks.getVariables(any(), anyCollection())).thenReturn(Map.of());
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request("""
        {"variables": {"resolved": {"value": true}, "reflectionNotes": {"value": " "}}}"""), response, chain);

    assertThat(chain.getRequest()).as("not passed on").isNull();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("reflectionNotes");
  }

  private MockFilterChain complete(String body) throws Exception {
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request(body), new MockHttpServletResponse(), chain);
    return chain;
  }

  private static MockHttpServletRequest request(String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete");
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }
}
