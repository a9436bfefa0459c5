package nl.salland.zorginkoop.newprovider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * For BPMN expressions ({@code assessmentReasons}): the reasons of a rejection as one Dutch text, recorded in the
 * case ({@code rejectionReasons}) and mailed to the provider. The grounds are what the assessor ticked in a form's
 * checklist (a JSON array, as Tasklist submits it, or a list or a single text); their wording is the form's, so the
 * policy's grounds stay in the forms and diagrams that process owners edit. Used by newProviderReview and
 * wlzRegistration.
 */
@Component("assessmentReasons")
public class AssessmentReasons {

  /** "ground; ground. Toelichting: motivation", leaving out what is empty. */
  public String text(Object grounds, Object motivation) {
    List<String> ticked = grounds(grounds);
    String explanation = motivation == null ? "" : motivation.toString().strip();
    StringBuilder text = new StringBuilder(String.join("; ", ticked));
    if (!ticked.isEmpty() && !explanation.isEmpty()) {
      text.append(". Toelichting: ");
    }
    return text.append(explanation).toString();
  }

  static List<String> grounds(Object grounds) {
    List<String> texts = new ArrayList<>();
    if (grounds instanceof SpinJsonNode json) {
      addJson(json, texts);
    } else if (grounds instanceof Collection<?> list) {
      list.forEach(item -> add(item, texts));
    } else if (grounds instanceof CharSequence text && text.toString().strip().startsWith("[")) {
      addJson(Spin.JSON(text.toString()), texts);
    } else {
      add(grounds, texts);
    }
    return texts;
  }

  private static void addJson(SpinJsonNode json, List<String> texts) {
    if (json.isArray()) {
      json.elements().forEach(element -> add(element.isString() ? element.stringValue() : element.toString(), texts));
    } else {
      add(json.isString() ? json.stringValue() : json.toString(), texts);
    }
  }

  private static void add(Object item, List<String> texts) {
    if (item != null && !item.toString().isBlank()) {
      texts.add(item.toString().strip());
    }
  }
}
