package nl.salland.zorginkoop.provider;

import java.util.regex.Pattern;
import nl.salland.zorginkoop.validation.InvalidInputException;

/** A provider's AGB code (Vektis): exactly 8 digits, leading zeros significant. */
public record AgbCode(String value) {

  private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

  public AgbCode {
    if (value == null || !EIGHT_DIGITS.matcher(value).matches()) {
      throw new InvalidInputException("agbCode", "must be exactly 8 digits, got " + quoted(value));
    }
  }

  public static boolean isValid(String value) {
    return value != null && EIGHT_DIGITS.matcher(value).matches();
  }

  static String quoted(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  @Override
  public String toString() {
    return value;
  }
}
