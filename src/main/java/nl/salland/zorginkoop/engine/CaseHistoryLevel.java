package nl.salland.zorginkoop.engine;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_END;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_START;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.DMN_DECISION_EVALUATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_ADD;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_RESOLVE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_FAIL;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.USER_OPERATION_LOG;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.springframework.stereotype.Component;

/**
 * The history zorginkoop keeps (history level {@value #NAME}, set in application.yaml): Camunda's "audit" level
 * (cases, steps, tasks, variables) plus what audit and operations need: who did what (user operation log),
 * incidents and failed jobs, decision evaluations, task candidate changes and batches. Left out compared to "full":
 * every intermediate value of every variable, and a log row for every successful job, which together cost more
 * writes per case than the case itself (docs/performance.md).
 */
@Component
public class CaseHistoryLevel extends AbstractProcessEnginePlugin {

  public static final String NAME = "zorginkoop";

  private static final Set<HistoryEventType> ADDED_TO_AUDIT = Set.of(USER_OPERATION_LOG, INCIDENT_CREATE,
      INCIDENT_MIGRATE, INCIDENT_DELETE, INCIDENT_RESOLVE, INCIDENT_UPDATE, JOB_FAIL, DMN_DECISION_EVALUATE,
      IDENTITY_LINK_ADD, IDENTITY_LINK_DELETE, BATCH_START, BATCH_UPDATE, BATCH_END);

  static final HistoryLevel LEVEL = new HistoryLevelAudit() {
    @Override
    public int getId() {
      return 23;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return super.isHistoryEventProduced(eventType, entity) || ADDED_TO_AUDIT.contains(eventType);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(LEVEL);
    configuration.setCustomHistoryLevels(levels);
  }
}
