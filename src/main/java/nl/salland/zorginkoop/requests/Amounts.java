package nl.salland.zorginkoop.requests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** For BPMN, e.g. a mail's input: {@code ${amounts.euro(newCeiling)}} writes "€ 1.250.000,00" as a Dutch reader does. */
@Component("amounts")
public class Amounts {

  private static final DecimalFormatSymbols DUTCH = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("nl-NL"));

  public String euro(Object amount) {
    if (!(amount instanceof Number number)) {
      throw new IllegalArgumentException("An amount in euros must be a number, not '" + amount + "'");
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DUTCH);
    return "€ " + format.format(new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP));
  }
}
