package nl.salland.zorginkoop.validation;

/** Input refused before anything is stored; names the offending field so the caller can correct it. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field name. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
