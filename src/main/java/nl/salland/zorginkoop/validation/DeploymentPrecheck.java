package nl.salland.zorginkoop.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.SAXParseException;

/**
 * A process owner's deployment ({@code POST /engine-rest/deployment/create}): every BPMN and DMN file must be
 * well-formed XML and every form well-formed JSON, else the whole deployment is refused with a 400 that names the
 * file and the line. (The engine itself reports an unreadable file as a 500; what parses is then validated by the
 * engine, which answers invalid models with a 400 and deploys nothing.)
 */
final class DeploymentPrecheck {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

  private DeploymentPrecheck() {
  }

  static List<InvalidInputException> problems(String contentType, byte[] body) {
    Matcher boundary = BOUNDARY.matcher(contentType);
    if (!boundary.find()) {
      return List.of(new InvalidInputException("body", "is not multipart/form-data with a boundary"));
    }
    // ISO-8859-1 maps every byte to one char, so part offsets stay byte offsets.
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary.group(1);
    List<InvalidInputException> problems = new ArrayList<>();
    for (String part : raw.split(Pattern.quote(delimiter))) {
      int headersEnd = part.indexOf("\r\n\r\n");
      if (headersEnd < 0) {
        continue;
      }
      Matcher fileName = FILE_NAME.matcher(part.substring(0, headersEnd));
      if (!fileName.find()) {
        continue;
      }
      String name = fileName.group(1);
      String content = part.substring(headersEnd + 4, Math.max(headersEnd + 4, part.length() - 2));
      byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
      String problem = name.endsWith(".bpmn") || name.endsWith(".dmn") ? xmlProblem(bytes)
          : name.endsWith(".form") ? jsonProblem(bytes) : null;
      if (problem != null) {
        problems.add(new InvalidInputException(name, problem));
      }
    }
    return problems;
  }

  private static String xmlProblem(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      builder.parse(new ByteArrayInputStream(xml));
      return null;
    } catch (SAXParseException e) {
      return "is not well-formed XML (line " + e.getLineNumber() + "): " + e.getMessage();
    } catch (Exception e) {
      return "cannot be read as XML: " + e.getMessage();
    }
  }

  private static String jsonProblem(byte[] json) {
    try {
      new ObjectMapper().readTree(json);
      return null;
    } catch (Exception e) {
      return "is not valid JSON: " + e.getMessage().lines().findFirst().orElse("");
    }
  }
}
