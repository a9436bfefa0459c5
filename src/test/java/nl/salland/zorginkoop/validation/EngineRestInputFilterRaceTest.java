package nl.salland.zorginkoop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two staff complete one task at the same moment: while the filter reads the task's variables for its check, the
 * winner ends the case, and the engine can fail in any way (seen: a NullPointerException inside the engine). The
 * filter then leaves the request to Camunda, which answers it (404: the task is gone), instead of failing with a 500.
 */
class EngineRestInputFilterRaceTest {

  @Test
  void aTaskWhoseCaseEndsWhileTheFilterReadsItIsLeftToCamunda() throws Exception {
    TaskEntity task = mock(TaskEntity.class);
    EngineRestInputFilter filter = EngineRestInputFilterTaskVariablesTest.filterFor(task, mock(CommandChecker.class),
        "resolved");
    when(task.getVariable("resolved")).thenThrow(new NullPointerException("processInstance is null"));
    MockHttpServletResponse response = new MockHttpServletResponse();

    MockFilterChain chain = EngineRestInputFilterTaskVariablesTest.complete(filter,
        "{\"variables\": {\"reflectionNotes\": {\"value\": \"x\"}}}", response);

    assertThat(chain.getRequest()).as("passed on to Camunda").isNotNull();
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
