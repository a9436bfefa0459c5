package nl.salland.zorginkoop.security;

import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of zorginkoop and their authorizations when the engine has been built, before the web server
 * accepts requests. Idempotent: an existing grant is brought to exactly the permissions below, so a change here
 * reaches every installation on its next start.
 *
 * <p>Staff see the tasks of their own sector through the candidate-group authorizations that Camunda creates for each
 * task; the process instances of their sector are granted per instance by {@link SectorInstanceAccess}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);
  private static final String ALL = Authorization.ANY;

  record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    groupNames().forEach((id, name) -> createGroup(identity, id, name));
    AuthorizationService authorizations = engine.getAuthorizationService();
    grants().forEach(grant -> apply(authorizations, grant));
    LOG.info("Groups and authorizations of zorginkoop are in place");
  }

  static Map<String, String> groupNames() {
    var names = new LinkedHashMap<String, String>();
    for (Sector sector : Sector.values()) {
      names.put(sector.staffGroup(), "Inkoop " + sector.label());
    }
    names.put(Groups.MANAGERS, "Managers zorginkoop");
    names.put(Groups.PROCESS_OWNERS, "Procesbeheer");
    names.put(Groups.SYSTEM_INTEGRATIONS, "Systeemkoppelingen");
    names.put(Groups.CARE_MEDIATION, "Zorgbemiddeling");
    return names;
  }

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String staff : Groups.staffGroups()) {
      grants.add(new Grant(staff, APPLICATION, "tasklist", Permissions.ACCESS));
      // See and start processes; which instances they see is granted per instance (sector of the case).
      grants.add(new Grant(staff, PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(staff, PROCESS_INSTANCE, ALL, ProcessInstancePermissions.CREATE));
      grants.add(new Grant(staff, DECISION_DEFINITION, ALL, Permissions.READ,
          Permissions.CREATE_INSTANCE));
      grants.add(new Grant(staff, DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ));
    }

    String managers = Groups.MANAGERS;
    grants.add(new Grant(managers, APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(managers, APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(new Grant(managers, PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE));
    grants.add(new Grant(managers, PROCESS_INSTANCE, ALL, ProcessInstancePermissions.READ));
    grants.add(new Grant(managers, HISTORIC_PROCESS_INSTANCE, ALL, HistoricProcessInstancePermissions.READ));
    grants.add(new Grant(managers, TASK, ALL, TaskPermissions.READ, TaskPermissions.READ_VARIABLE));
    grants.add(new Grant(managers, HISTORIC_TASK, ALL, HistoricTaskPermissions.READ,
        HistoricTaskPermissions.READ_VARIABLE));
    grants.add(new Grant(managers, DECISION_DEFINITION, ALL, Permissions.READ,
        Permissions.READ_HISTORY, Permissions.CREATE_INSTANCE));
    grants.add(new Grant(managers, DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ));
    grants.add(new Grant(managers, DEPLOYMENT, ALL, Permissions.READ));

    String owners = Groups.PROCESS_OWNERS;
    grants.add(new Grant(owners, APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(owners, APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(new Grant(owners, DEPLOYMENT, ALL, Permissions.CREATE, Permissions.READ, Permissions.DELETE));
    grants.add(new Grant(owners, PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.SUSPEND,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE));
    grants.add(new Grant(owners, PROCESS_INSTANCE, ALL, ProcessInstancePermissions.READ));
    grants.add(new Grant(owners, HISTORIC_PROCESS_INSTANCE, ALL, HistoricProcessInstancePermissions.READ));
    grants.add(new Grant(owners, TASK, ALL, TaskPermissions.READ, TaskPermissions.READ_VARIABLE));
    grants.add(new Grant(owners, HISTORIC_TASK, ALL, HistoricTaskPermissions.READ,
        HistoricTaskPermissions.READ_VARIABLE));
    grants.add(new Grant(owners, DECISION_DEFINITION, ALL, Permissions.READ,
        Permissions.UPDATE, Permissions.READ_HISTORY,
        Permissions.CREATE_INSTANCE));
    grants.add(new Grant(owners, DECISION_REQUIREMENTS_DEFINITION, ALL, Permissions.READ));

    // Care mediators work on the tasks offered to them (candidate group) and read the cases those tasks belong to.
    String careMediation = Groups.CARE_MEDIATION;
    grants.add(new Grant(careMediation, APPLICATION, "tasklist", Permissions.ACCESS));
    grants.add(new Grant(careMediation, PROCESS_DEFINITION, "ceilingOverrunRequest", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));

    // Outside systems deliver events: correlate a message with a running case (and see whether one runs), start a
    // Wlz registration. No webapps, no tasks, no variables.
    String systems = Groups.SYSTEM_INTEGRATIONS;
    grants.add(new Grant(systems, PROCESS_INSTANCE, ALL, ProcessInstancePermissions.CREATE,
        ProcessInstancePermissions.READ, ProcessInstancePermissions.UPDATE));
    // Reading definitions: code that runs on with the case after a correlation may look its definition up.
    grants.add(new Grant(systems, PROCESS_DEFINITION, ALL, ProcessDefinitionPermissions.READ));
    grants.add(new Grant(systems, PROCESS_DEFINITION, "wlzRegistration", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE));
    return grants;
  }

  private static void createGroup(IdentityService identity, String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private static void apply(AuthorizationService authorizations, Grant grant) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    Set<Permission> wanted = Set.of(grant.permissions());
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else {
      Permission[] known = ResourceTypeUtil.getPermissionsByResourceType(grant.resource().resourceType());
      if (Set.of(authorization.getPermissions(known)).equals(wanted)) {
        return;
      }
    }
    authorization.setPermissions(grant.permissions());
    authorizations.saveAuthorization(authorization);
  }
}
