package nl.salland.zorginkoop.integration.agb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.salland.zorginkoop.integration.DelegateInputs;
import nl.salland.zorginkoop.integration.IdempotencyKey;
import nl.salland.zorginkoop.integration.RemoteRejectedException;
import nl.salland.zorginkoop.provider.AgbCode;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Looks up {@code agbCode} in the AGB register and compares it with what the provider declared
 * ({@code declaredName}, {@code declaredKvkNumber}, {@code declaredCareType}, each optional). Writes
 * {@code agbRegistration} (JSON). BPMN errors: {@value #NOT_FOUND} (unknown code), {@value #MISMATCH} (with
 * {@code agbMismatchReason} naming the differing fields, in Dutch), {@value #REJECTED} (the register refused the
 * request). A read without side effects, so a retry simply asks again.
 */
@Component("agbRegisterCheckDelegate")
public class AgbRegisterCheckDelegate implements JavaDelegate {

  public static final String MISMATCH = "AGB_MISMATCH";
  public static final String NOT_FOUND = "AGB_NOT_FOUND";
  public static final String REJECTED = "AGB_REJECTED";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final AgbRegisterClient register;
  private final ObjectMapper json;

  public AgbRegisterCheckDelegate(AgbRegisterClient register, ObjectMapper json) {
    this.register = register;
    this.json = json;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    AgbCode agbCode = new AgbCode(DelegateInputs.required(execution, "agbCode"));
    AgbRegistration registration;
    try {
      registration = register.lookUp(agbCode, IdempotencyKey.of(execution))
          .orElseThrow(() -> new BpmnError(NOT_FOUND, "AGB-code " + agbCode + " staat niet in het AGB-register"));
    } catch (RemoteRejectedException e) {
      throw e.toBpmnError(REJECTED);
    }
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AMSTERDAM);
    registration = registration.withPractitionersWorkingOn(today);
    execution.setVariable("agbRegistration", SpinValues.jsonValue(json.writeValueAsString(registration)).create());

    List<String> differences = registration.differencesFrom(DelegateInputs.optional(execution, "declaredName"),
        DelegateInputs.optional(execution, "declaredKvkNumber"), DelegateInputs.optional(execution, "declaredCareType"));
    if (!differences.isEmpty()) {
      String reason = "Afwijkend van het AGB-register: " + String.join("; ", differences);
      execution.setVariable("agbMismatchReason", reason);
      throw new BpmnError(MISMATCH, reason);
    }
  }
}
