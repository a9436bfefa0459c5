package nl.salland.zorginkoop.deployment;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The process ids of a BPMN file and the decision ids of a DMN file: the keys they deploy under. */
final class DefinitionKeys {

  private DefinitionKeys() {
  }

  static Set<String> of(BundledModelDeployer.BundledFile file) {
    if (file.name().endsWith(".bpmn")) {
      return idsOf(file.content(), "process");
    }
    if (file.name().endsWith(".dmn")) {
      return idsOf(file.content(), "decision");
    }
    return Set.of();
  }

  private static Set<String> idsOf(byte[] xml, String localName) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
      NodeList elements = document.getElementsByTagNameNS("*", localName);
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < elements.getLength(); i++) {
        ids.add(((Element) elements.item(i)).getAttribute("id"));
      }
      return ids;
    } catch (Exception e) {
      // A file that does not parse has no keys here; the engine reports the parse error when deploying it.
      return Set.of();
    }
  }
}
