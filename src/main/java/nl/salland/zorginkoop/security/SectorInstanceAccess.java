package nl.salland.zorginkoop.security;

import java.util.ArrayList;
import java.util.List;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Lets a sector's staff work on the cases of their own sector and no other: every process instance that starts with
 * a {@code sector} variable grants that sector's staff group read and update access to the instance (variables,
 * messages such as ProcessStalled) and read access to its history. Camunda
 * checks these grants in the REST API, Cockpit and Tasklist alike. Cross-cutting, so it is added to every process by
 * a parse listener instead of being drawn in each diagram.
 */
@Component
public class SectorInstanceAccess extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Per-instance history grants need this switch (Camunda 7.13+).
    configuration.setEnableHistoricInstancePermissions(true);
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START,
            (ExecutionListener) SectorInstanceAccess::grantSectorStaff);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void grantSectorStaff(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    Object value = execution.getVariable("sector");
    Sector sector = value == null ? null : Sector.parse(value.toString()).orElse(null);
    if (sector == null) {
      return;
    }
    String instanceId = execution.getProcessInstanceId();
    String rootInstanceId = ((ExecutionEntity) execution).getRootProcessInstanceId();
    CommandContext commandContext = Context.getCommandContext();
    // The starting user (a staff member or another system) may not create authorizations itself.
    commandContext.runWithoutAuthorization(() -> {
      insertGrant(commandContext, sector.staffGroup(), Resources.PROCESS_INSTANCE, instanceId, rootInstanceId,
          ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE);
      insertGrant(commandContext, sector.staffGroup(), Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
          rootInstanceId, HistoricProcessInstancePermissions.READ);
      return null;
    });
  }

  private static void insertGrant(CommandContext commandContext, String groupId, Resources resource,
      String resourceId, String rootInstanceId, Permission... permissions) {
    AuthorizationEntity grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    // Lets history cleanup remove the grant together with the case's history.
    grant.setRootProcessInstanceId(rootInstanceId);
    commandContext.getAuthorizationManager().insert(grant);
  }
}
