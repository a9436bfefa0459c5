package nl.salland.zorginkoop.integration.vecozo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.salland.zorginkoop.sector.Sector;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * A Wlz registration received through VECOZO starts process {@value #PROCESS_KEY} with the start variables of
 * CONTRACT. A registration delivered again while its case still runs starts nothing new.
 */
@Service
class WlzRegistrations {

  static final String PROCESS_KEY = "wlzRegistration";

  /** The inputs of the decisions wlzProviderCategory, wlzContractDuration and wlzTariffPercentage (CONTRACT). */
  static final List<String> OPTIONAL_BOOLEANS = List.of("contractWithThisOffice", "contractWithOtherOffice",
      "otherOfficeContractWholePreviousYear", "declaringSinceJanuaryFirst", "contractedWholePreviousYear");
  static final List<String> OPTIONAL_AMOUNTS = List.of("wlzRevenuePreviousYear", "clusterStartingPercentage");

  record Outcome(boolean started, String businessKey, String processInstanceId) {
  }

  private final RuntimeService runtime;

  WlzRegistrations(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The start variables of the payload; a wrong field is an InvalidInputException naming it. */
  static Map<String, Object> startVariables(JsonNode body) {
    LinkedHashSet<String> known = new LinkedHashSet<>(List.of("agbCode", "contractYear", "registeredAt", "complete"));
    known.addAll(OPTIONAL_BOOLEANS);
    known.addAll(OPTIONAL_AMOUNTS);
    JsonFields fields = JsonFields.of(body, known);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("agbCode", fields.agbCode("agbCode"));
    variables.put("contractYear", fields.year("contractYear"));
    variables.put("registeredAt", fields.dateTime("registeredAt"));
    variables.put("complete", fields.bool("complete"));
    OPTIONAL_BOOLEANS.forEach(name -> fields.optionalBool(name).ifPresent(value -> variables.put(name, value)));
    OPTIONAL_AMOUNTS.forEach(name -> fields.optionalAmount(name).ifPresent(value -> variables.put(name, value)));
    return variables;
  }

  Outcome start(Map<String, Object> variables) {
    String businessKey = variables.get("agbCode") + "-" + Sector.WLZ_GZ.name() + "-" + variables.get("contractYear");
    Optional<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).list().stream().findFirst();
    if (running.isPresent()) {
      return new Outcome(false, businessKey, running.get().getId());
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(businessKey)
        .setVariables(variables).execute();
    return new Outcome(true, businessKey, instance.getId());
  }
}
