package nl.salland.zorginkoop.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit, Admin and the Welcome page speak Dutch: for each app our {@code locales/nl.json} has exactly the
 * key paths of the webjar's {@code en.json}, keeps every placeholder and HTML tag of the English text and leaves no
 * text empty, and our {@code scripts/config.js} (served instead of the webjar's) offers only Dutch. After a Camunda
 * upgrade this test names every label that was added or removed.
 */
class DutchWebappsTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Interpolations ({{name}}), moment.js substitutions (%d, %s) and ng-pluralize counts ({}). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]|\\{}");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void dutchLabelsMatchTheEnglishOnes(String app) throws IOException {
    Map<String, JsonNode> english = flatten(readJson(webjarResource(app, "locales/en.json")));
    Map<String, JsonNode> dutch = flatten(readJson(ownResource(app, "locales/nl.json")));

    assertThat(english).as("%s en.json from the webjar", app).isNotEmpty();

    List<String> problems = new ArrayList<>();
    dutch.keySet().stream()
        .filter(path -> !english.containsKey(path))
        .forEach(path -> problems.add(path + ": not in en.json"));
    english.forEach((path, en) -> {
      JsonNode nl = dutch.get(path);
      if (nl == null) {
        problems.add(path + ": missing");
      } else if (nl.getNodeType() != en.getNodeType()) {
        problems.add(path + ": " + nl.getNodeType() + " instead of " + en.getNodeType());
      } else if (nl.isTextual()) {
        String enText = en.textValue();
        String nlText = nl.textValue();
        if (nlText.isBlank()) {
          problems.add(path + ": empty");
        }
        for (String placeholder : matches(PLACEHOLDER, enText)) {
          if (!nlText.contains(placeholder)) {
            problems.add(path + ": lacks " + placeholder + " in \"" + nlText + "\"");
          }
        }
        if (!matches(HTML_TAG, enText).equals(matches(HTML_TAG, nlText))) {
          problems.add(path + ": HTML tags " + matches(HTML_TAG, enText) + " became " + matches(HTML_TAG, nlText));
        }
      } else if (!nl.equals(en)) {
        problems.add(path + ": " + nl + " instead of " + en);
      }
    });
    assertThat(problems).as("%s nl.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersOnlyDutch(String app) throws IOException {
    String config = withoutComments(read(ownResource(app, "scripts/config.js")));

    assertThat(config).as("%s config.js is an ES module like the webjar's", app).contains("export default");
    assertThat(config).as("%s availableLocales", app)
        .containsPattern("availableLocales\\s*:\\s*\\[\\s*['\"]nl['\"]\\s*]");
    assertThat(config).as("%s fallbackLocale", app).containsPattern("fallbackLocale\\s*:\\s*['\"]nl['\"]");
  }

  /** The webjar's own file: the only copy on the classpath for en.json. */
  private static URL webjarResource(String app, String file) throws IOException {
    List<URL> copies = copies(app, file);
    assertThat(copies).as("%s/%s on the test classpath", app, file).isNotEmpty();
    assertThat(copies.get(0).getProtocol()).as("%s/%s comes from the webjar", app, file).isEqualTo("jar");
    return copies.get(0);
  }

  /** Our copy under src/main/resources, which must come before any copy in the webjar so that it is the one served. */
  private static URL ownResource(String app, String file) throws IOException {
    List<URL> copies = copies(app, file);
    assertThat(copies).as("%s/%s on the test classpath", app, file).isNotEmpty();
    assertThat(copies.get(0).getProtocol()).as("%s/%s is ours, not the webjar's", app, file).isEqualTo("file");
    return copies.get(0);
  }

  private static List<URL> copies(String app, String file) throws IOException {
    return Collections.list(DutchWebappsTest.class.getClassLoader().getResources(APP_ROOT + app + "/" + file));
  }

  private static JsonNode readJson(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the byte order mark the webjar's files start with
    }
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Leaf values by path, e.g. {@code /labels/TASKS} or {@code /dateLocales/months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path + "/" + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  /** Drops block and line comments, so that a commented-out setting (as in the webjar's file) does not count. */
  private static String withoutComments(String script) {
    return script.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }
}
