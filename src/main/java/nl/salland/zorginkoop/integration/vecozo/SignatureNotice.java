package nl.salland.zorginkoop.integration.vecozo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import nl.salland.zorginkoop.sector.Sector;

/**
 * VECOZO's notice that a provider signed a proposal: {@code proposalId}, the case ({@code agbCode}, {@code sector},
 * {@code contractYear}) and {@code signedAt}. A proposal is signed at most once, so {@code proposalId} identifies a
 * delivery: the same notice delivered again is a duplicate.
 */
record SignatureNotice(String proposalId, String agbCode, Sector sector, int contractYear, String signedAt) {

  static final List<String> FIELDS = List.of("proposalId", "agbCode", "sector", "contractYear", "signedAt");

  static SignatureNotice from(JsonNode body) {
    JsonFields fields = JsonFields.of(body, new LinkedHashSet<>(FIELDS));
    return new SignatureNotice(fields.text("proposalId", 100), fields.agbCode("agbCode"), fields.sector("sector"),
        fields.year("contractYear"), fields.dateTime("signedAt"));
  }

  /** The business key of the case, as in CONTRACT: {@code {agbCode}-{sector}-{contractYear}}. */
  String businessKey() {
    return agbCode + "-" + sector.name() + "-" + contractYear;
  }
}
