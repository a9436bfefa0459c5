package nl.salland.zorginkoop.integration.vecozo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.validation.InvalidInputException;

/**
 * Reads the fields of an inbound JSON payload; anything wrong is an {@link InvalidInputException} naming the field
 * (HTTP 400), before anything is stored or started.
 */
final class JsonFields {

  private final JsonNode body;

  private JsonFields(JsonNode body) {
    this.body = body;
  }

  /** The payload must be a JSON object with only the known fields, so that a misspelt field is not ignored. */
  static JsonFields of(JsonNode body, Set<String> knownFields) {
    if (body == null || !body.isObject()) {
      throw new InvalidInputException("body", "must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!knownFields.contains(name)) {
        throw new InvalidInputException(name, "is not a known field; expected " + String.join(", ", knownFields));
      }
    }
    return new JsonFields(body);
  }

  String text(String field, int maxLength) {
    JsonNode value = present(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidInputException(field, "must be a non-empty string");
    }
    if (value.asText().length() > maxLength) {
      throw new InvalidInputException(field, "is longer than " + maxLength + " characters");
    }
    return value.asText();
  }

  String agbCode(String field) {
    JsonNode value = present(field);
    if (!value.isTextual() || !AgbCode.isValid(value.asText())) {
      throw new InvalidInputException(field, "must be a string of exactly 8 digits, got " + value);
    }
    return value.asText();
  }

  Sector sector(String field) {
    JsonNode value = present(field);
    return Sector.parse(value.isTextual() ? value.asText() : null).orElseThrow(() -> new InvalidInputException(
        field, "must be one of " + Sector.allowedValues() + ", got " + value));
  }

  /** A calendar year written as a number of four digits. */
  int year(String field) {
    JsonNode value = present(field);
    if (!value.isIntegralNumber() || value.asInt() < 1000 || value.asInt() > 9999) {
      throw new InvalidInputException(field, "must be a year as a number, e.g. 2027, got " + value);
    }
    return value.asInt();
  }

  /** An ISO-8601 date-time, with offset or without (then Europe/Amsterdam); kept as the text given. */
  String dateTime(String field) {
    JsonNode value = present(field);
    String text = value.isTextual() ? value.asText() : "";
    try {
      OffsetDateTime.parse(text);
    } catch (DateTimeParseException withoutOffset) {
      try {
        LocalDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(field, "must be an ISO-8601 date-time such as 2026-07-31T17:00:00+02:00, "
            + "got " + value);
      }
    }
    return text;
  }

  boolean bool(String field) {
    JsonNode value = present(field);
    if (!value.isBoolean()) {
      throw new InvalidInputException(field, "must be true or false, got " + value);
    }
    return value.asBoolean();
  }

  Optional<Boolean> optionalBool(String field) {
    return has(field) ? Optional.of(bool(field)) : Optional.empty();
  }

  Optional<Number> optionalAmount(String field) {
    if (!has(field)) {
      return Optional.empty();
    }
    JsonNode value = body.get(field);
    if (!value.isNumber() || value.decimalValue().signum() < 0) {
      throw new InvalidInputException(field, "must be a number of at least 0, got " + value);
    }
    return Optional.of(value.isIntegralNumber() ? (Number) value.longValue() : value.doubleValue());
  }

  private boolean has(String field) {
    return body.hasNonNull(field);
  }

  private JsonNode present(String field) {
    if (!has(field)) {
      throw new InvalidInputException(field, "is required");
    }
    return body.get(field);
  }
}
