package nl.salland.zorginkoop.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filters of every group at start-up: "Mijn sector", "Verloopt deze week", "Verlopen" and
 * "Escalaties", each visible only to its group. Idempotent: a filter is recognised by its group and kind (kept in the
 * filter's properties) and brought back to the query below, so changes here reach every installation.
 */
@Component
public class TasklistFilters extends AbstractProcessEnginePlugin {

  static final String ESCALATION_PROCESS = "escalationLadder";

  /** Case variables shown in the task list, with their Dutch labels. */
  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "agbCode", "label", "AGB-code"),
      Map.of("name", "providerName", "label", "Zorgaanbieder"),
      Map.of("name", "sector", "label", "Sector"),
      Map.of("name", "contractYear", "label", "Contractjaar"));

  record FilterSpec(String group, String kind, String name, String description, int priority, TaskQuery query) {
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    for (FilterSpec spec : specs(engine)) {
      Filter filter = existing(filters, spec);
      if (filter == null) {
        filter = filters.newTaskFilter();
      }
      filter.setName(spec.name());
      filter.setQuery(spec.query());
      filter.setProperties(properties(spec));
      filters.saveFilter(filter);
      grantRead(engine.getAuthorizationService(), spec.group(), filter.getId());
    }
  }

  static List<FilterSpec> specs(ProcessEngine engine) {
    List<FilterSpec> specs = new ArrayList<>();
    for (Sector sector : Sector.values()) {
      String group = sector.staffGroup();
      specs.add(new FilterSpec(group, "sector", "Mijn sector",
          "Taken van " + sector.label() + ": voor de groep en aan mij toegewezen", -10,
          sectorTasks(engine, group)));
      specs.add(new FilterSpec(group, "due-this-week", "Verloopt deze week",
          "Taken van " + sector.label() + " met een vervaldatum binnen zeven dagen", -5,
          sectorTasks(engine, group).dueAfterExpression("${now()}")
              .dueBeforeExpression("${dateTime().plusDays(7).toDate()}")));
      specs.add(new FilterSpec(group, "overdue", "Verlopen",
          "Taken van " + sector.label() + " waarvan de vervaldatum verstreken is", -8,
          sectorTasks(engine, group).dueBeforeExpression("${now()}")));
      specs.add(new FilterSpec(group, "escalations", "Escalaties",
          "Taken van de escalatieladder voor " + sector.label(), 0,
          sectorTasks(engine, group).processDefinitionKey(ESCALATION_PROCESS)));
    }
    String managers = Groups.MANAGERS;
    specs.add(new FilterSpec(managers, "sector", "Mijn sector", "Alle taken van alle sectoren", -10,
        engine.getTaskService().createTaskQuery()));
    specs.add(new FilterSpec(managers, "due-this-week", "Verloopt deze week",
        "Alle taken met een vervaldatum binnen zeven dagen", -5,
        engine.getTaskService().createTaskQuery().dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusDays(7).toDate()}")));
    specs.add(new FilterSpec(managers, "overdue", "Verlopen", "Alle taken waarvan de vervaldatum verstreken is", -8,
        engine.getTaskService().createTaskQuery().dueBeforeExpression("${now()}")));
    specs.add(new FilterSpec(managers, "escalations", "Escalaties", "Alle taken van de escalatieladder", 0,
        engine.getTaskService().createTaskQuery().processDefinitionKey(ESCALATION_PROCESS)));
    return specs;
  }

  /** Tasks offered to the group, and tasks of the group that the user has taken. */
  private static TaskQuery sectorTasks(ProcessEngine engine, String group) {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
  }

  private static Map<String, Object> properties(FilterSpec spec) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("group", spec.group());
    properties.put("kind", spec.kind());
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", COLUMNS);
    return properties;
  }

  private static Filter existing(FilterService filters, FilterSpec spec) {
    return filters.createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && spec.group().equals(f.getProperties().get("group"))
            && spec.kind().equals(f.getProperties().get("kind")))
        .findFirst().orElse(null);
  }

  private static void grantRead(AuthorizationService authorizations, String group, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
        .resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(filterId);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }
}
