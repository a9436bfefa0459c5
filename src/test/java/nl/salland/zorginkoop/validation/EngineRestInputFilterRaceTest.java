package nl.salland.zorginkoop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import nl.salland.zorginkoop.validation.RequiredVariablesPlugin.Requirements;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two staff complete one task at the same moment: while the filter reads the task's variables for its check, the
 * winner ends the case, and the engine can fail in any way (seen: a NullPointerException inside the engine). The
 * filter then leaves the request to Camunda, which answers it (404: the task is gone), instead of failing with a 500.
 */
class EngineRestInputFilterRaceTest {

  @Test
  void aTaskWhoseCaseEndsWhileTheFilterReadsItIsLeftToCamunda() throws Exception {
    ProcessDefinitionEntity definition = new ProcessDefinitionEntity();
    definition.createActivity("Task_JointReflection").setProperty(RequiredVariablesPlugin.REQUIRED_PROPERTY,
        new Requirements(List.of("resolved"), Set.of()));
    RepositoryServiceImpl repository = mock(RepositoryServiceImpl.class);
    when(repository.getDeployedProcessDefinition("escalationLadder:1:1")).thenReturn(definition);
    Task task = mock(Task.class);
    when(task.getProcessDefinitionId()).thenReturn("escalationLadder:1:1");
    when(task.getTaskDefinitionKey()).thenReturn("Task_JointReflection");
    TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
    when(tasks.createTaskQuery().taskId("t1").singleResult()).thenReturn(task);
    when(tasks.getVariables(eq("t1"), anyCollection())).thenThrow(new NullPointerException("processInstance is null"));

    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/t1/complete");
    request.setContentType("application/json");
    request.setContent("{\"variables\": {\"reflectionNotes\": {\"value\": \"x\"}}}".getBytes(StandardCharsets.UTF_8));
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    new EngineRestInputFilter(repository, tasks).doFilter(request, response, chain);

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
