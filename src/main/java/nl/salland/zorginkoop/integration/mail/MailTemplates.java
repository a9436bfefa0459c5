package nl.salland.zorginkoop.integration.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Dutch mail templates that process owners edit: {@code mail/<template>.txt} (bundled), or the same file in
 * {@code zorginkoop.mail.template-dir} when it exists there. A template there is read on every use, so an edit
 * applies at once; a bundled one, which cannot change while the application runs, is read once. A
 * template starts with a line {@code Onderwerp: ...}, then an empty line, then the body; {@code ${name}} is replaced
 * by the value of {@code name} (dates in Dutch). A placeholder without a value is an error naming it: a provider
 * never gets a mail with a hole in it.
 */
@Component
public class MailTemplates {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final Pattern STARTS_AS_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final String SUBJECT_PREFIX = "Onderwerp:";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", DUTCH);

  public record RenderedMail(String subject, String body) {
  }

  private final Path overrideDir;
  private final Map<String, String> bundled = new ConcurrentHashMap<>();

  public MailTemplates(MailProperties properties) {
    String dir = properties.templateDir();
    this.overrideDir = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  public RenderedMail render(String template, Map<String, Object> values) {
    String text = load(template).replace("\r\n", "\n");
    int endOfSubject = text.indexOf('\n');
    String firstLine = endOfSubject < 0 ? text : text.substring(0, endOfSubject);
    if (!firstLine.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("Mail template '" + template + "' must start with '" + SUBJECT_PREFIX
          + " ...'");
    }
    Set<String> missing = new TreeSet<>();
    String subject = fill(firstLine.substring(SUBJECT_PREFIX.length()).strip(), values, missing);
    String body = fill(text.substring(endOfSubject + 1).strip(), values, missing);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Mail template '" + template + "' needs " + String.join(", ", missing)
          + ", which the process does not have");
    }
    return new RenderedMail(subject, body + "\n");
  }

  private String load(String template) {
    if (template == null || !NAME.matcher(template).matches()) {
      throw new IllegalStateException("Not a mail template name: '" + template + "'");
    }
    String fileName = template + ".txt";
    try {
      if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(fileName))) {
        return Files.readString(overrideDir.resolve(fileName), StandardCharsets.UTF_8);
      }
      return bundled.computeIfAbsent(template, MailTemplates::readBundled);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template '" + template + "'", e);
    }
  }

  private static String readBundled(String template) {
    String path = "mail/" + template + ".txt";
    ClassPathResource resource = new ClassPathResource(path);
    if (!resource.exists()) {
      throw new IllegalStateException("No mail template '" + template + "' (" + path + ")");
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read mail template '" + template + "'", e);
    }
  }

  private static String fill(String text, Map<String, Object> values, Set<String> missing) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      Object value = values.get(placeholder.group(1));
      if (value == null) {
        missing.add(placeholder.group(1));
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : shown(value)));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  /** Dates as a Dutch reader writes them ("12 november 2026"); anything else as it is. */
  static String shown(Object value) {
    if (value instanceof Date date) {
      return DATE_TIME.format(date.toInstant().atZone(AMSTERDAM));
    }
    if (value instanceof LocalDate date) {
      return DATE.format(date);
    }
    String text = value.toString();
    if (!STARTS_AS_DATE.matcher(text).lookingAt()) {
      return text;
    }
    try {
      return DATE.format(LocalDate.parse(text));
    } catch (DateTimeParseException notADate) {
      try {
        return DATE_TIME.format(OffsetDateTime.parse(text).atZoneSameInstant(AMSTERDAM));
      } catch (DateTimeParseException notADateTime) {
        return text;
      }
    }
  }
}
