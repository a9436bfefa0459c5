package nl.salland.zorginkoop.provider;

import java.util.regex.Pattern;
import nl.salland.zorginkoop.validation.InvalidInputException;

/**
 * A care provider in the register. KvK number (Chamber of Commerce), municipality and e-mail address may still be
 * unknown.
 */
public record Provider(AgbCode agbCode, String name, String kvkNumber, String municipality, String email) {

  private static final Pattern KVK = Pattern.compile("\\d{8}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public Provider {
    if (agbCode == null) {
      throw new InvalidInputException("agbCode", "is required");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("name", "is required");
    }
    if (name.length() > 200) {
      throw new InvalidInputException("name", "is longer than 200 characters");
    }
    if (kvkNumber != null && !KVK.matcher(kvkNumber).matches()) {
      throw new InvalidInputException("kvkNumber", "must be exactly 8 digits, got " + AgbCode.quoted(kvkNumber));
    }
    if (municipality != null && municipality.length() > 100) {
      throw new InvalidInputException("municipality", "is longer than 100 characters");
    }
    if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
      throw new InvalidInputException("email", "is not an e-mail address: " + AgbCode.quoted(email));
    }
  }
}
