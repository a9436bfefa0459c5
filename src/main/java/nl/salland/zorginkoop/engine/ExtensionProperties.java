package nl.salland.zorginkoop.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Reads the {@code camunda:properties} of a BPMN element while the engine parses it (the Modeler shows them as
 * "Extension properties"). zorginkoop uses them to declare behaviour in the diagram, where process owners see it.
 */
public final class ExtensionProperties {

  private ExtensionProperties() {
  }

  public static Map<String, String> of(Element element) {
    Map<String, String> properties = new LinkedHashMap<>();
    Element extensionElements = element.element("extensionElements");
    if (extensionElements == null) {
      return properties;
    }
    Element camundaProperties = extensionElements.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (camundaProperties == null) {
      return properties;
    }
    for (Element property : camundaProperties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      properties.put(property.attribute("name"), property.attribute("value"));
    }
    return properties;
  }
}
