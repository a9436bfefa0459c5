package nl.salland.zorginkoop.calendar;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * The latest version of the calendar decision, looked up once per engine command. Starting a round asks
 * {@link ContractingCalendar} several questions in one job (deadlines, reminder moments, terms); each asked the
 * database for the latest version again (docs/performance.md, "The id check on every insert, the mail step and the
 * calendar"). A command is short and a process owner's new version is a command of its own, so the next command
 * sees it, as before.
 */
@Component
public class CalendarVersionPerCommand extends AbstractProcessEnginePlugin {

  /** One per command: Camunda opens it on first use and drops it when the command ends. */
  static final class LatestVersion implements Session {

    private String decisionDefinitionId;

    String id(Supplier<String> lookup) {
      if (decisionDefinitionId == null) {
        decisionDefinitionId = lookup.get();
      }
      return decisionDefinitionId;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // Registered as engine/EntityIdCheck registers its entity manager: by session type, once the engine has its own.
    configuration.getSessionFactories().put(LatestVersion.class, new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return LatestVersion.class;
      }

      @Override
      public Session openSession() {
        return new LatestVersion();
      }
    });
  }
}
