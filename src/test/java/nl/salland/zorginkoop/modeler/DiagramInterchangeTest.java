package nl.salland.zorginkoop.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every BPMN and DMN file opens and lays out in Camunda Modeler: a shape for every flow node, an edge with waypoints
 * for every sequence flow, consistent incoming/outgoing references, no overlapping shapes, a DMNDI shape for every
 * decision, and a history time to live everywhere (Camunda refuses to deploy without it).
 */
class DiagramInterchangeTest {

  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  static Stream<Path> bpmnFiles() throws IOException {
    return files("bpmn", ".bpmn");
  }

  static Stream<Path> dmnFiles() throws IOException {
    return files("dmn", ".dmn");
  }

  private static Stream<Path> files(String folder, String extension) throws IOException {
    if (!Files.isDirectory(Path.of(folder))) {
      return Stream.empty();
    }
    try (Stream<Path> walk = Files.walk(Path.of(folder))) {
      return walk.filter(p -> p.toString().endsWith(extension)).sorted().toList().stream();
    }
  }

  @Test
  void thereAreDiagramsAndDecisionsToCheck() throws IOException {
    assertThat(bpmnFiles()).isNotEmpty();
    assertThat(dmnFiles()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void bpmnHasDiagramInterchange(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Bpmn.validateModel(model);
    Map<String, Bounds> shapes = new HashMap<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
    }
    Map<String, BpmnEdge> edges = new HashMap<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      edges.put(edge.getBpmnElement().getId(), edge);
    }
    List<String> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
      }
    }
    Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
    for (FlowNode node : nodes) {
      if (!shapes.containsKey(node.getId())) {
        problems.add(node.getElementType().getTypeName() + " " + node.getId() + " has no shape");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      BpmnEdge edge = edges.get(flow.getId());
      if (edge == null || edge.getWaypoints().size() < 2) {
        problems.add("sequence flow " + flow.getId() + " has no edge with waypoints");
      }
      if (!flow.getSource().getOutgoing().contains(flow)) {
        problems.add(flow.getSource().getId() + " does not list " + flow.getId() + " as outgoing");
      }
      if (!flow.getTarget().getIncoming().contains(flow)) {
        problems.add(flow.getTarget().getId() + " does not list " + flow.getId() + " as incoming");
      }
    }
    problems.addAll(overlaps(nodes, shapes));
    assertThat(problems).as(file.toString()).isEmpty();
  }

  /** Two shapes of the same level may not overlap; a boundary event sits on its host, a subprocess holds its own. */
  private static List<String> overlaps(Collection<FlowNode> nodes, Map<String, Bounds> shapes) {
    List<FlowNode> laidOut = nodes.stream()
        .filter(n -> !(n instanceof BoundaryEvent) && shapes.containsKey(n.getId())).toList();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < laidOut.size(); i++) {
      for (int j = i + 1; j < laidOut.size(); j++) {
        FlowNode a = laidOut.get(i);
        FlowNode b = laidOut.get(j);
        if (a.getParentElement() != b.getParentElement() || a instanceof SubProcess || b instanceof SubProcess) {
          continue;
        }
        if (intersect(shapes.get(a.getId()), shapes.get(b.getId()))) {
          problems.add(a.getId() + " overlaps " + b.getId());
        }
      }
    }
    return problems;
  }

  private static boolean intersect(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  @ParameterizedTest
  @MethodSource("dmnFiles")
  void dmnHasDiagramInterchange(Path file) throws Exception {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList shapes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS(DMNDI, "DMNShape");
    List<String> shaped = new ArrayList<>();
    for (int i = 0; i < shapes.getLength(); i++) {
      shaped.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
    }
    List<String> problems = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (!shaped.contains(decision.getId())) {
        problems.add("decision " + decision.getId() + " has no DMNDI shape");
      }
      if (decision.getCamundaHistoryTimeToLiveString() == null) {
        problems.add("decision " + decision.getId() + " has no camunda:historyTimeToLive");
      }
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }
}
