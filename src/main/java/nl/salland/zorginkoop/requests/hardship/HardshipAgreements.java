package nl.salland.zorginkoop.requests.hardship;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Hardheidsclausule agreements in our own table {@code zi_hardship_agreement}: the maatwerk terms granted on a request
 * (a tariff percentage and/or an amount), valid until the end of the procurement year, and the result of the re-check
 * at the herschikking. One row per request (process instance); recording again replaces it.
 */
@Repository
public class HardshipAgreements {

  public record Agreement(String processInstanceId, String agbCode, int contractYear,
      BigDecimal grantedTariffPercentage, BigDecimal grantedAmount, LocalDate validUntil, String recheckResult,
      BigDecimal clawBackAmount) {
  }

  private final JdbcClient jdbc;

  public HardshipAgreements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void grant(String processInstanceId, String agbCode, int contractYear, BigDecimal tariffPercentage,
      BigDecimal amount, LocalDate validUntil) {
    jdbc.sql("DELETE FROM zi_hardship_agreement WHERE process_instance_id = :pi").param("pi", processInstanceId)
        .update();
    jdbc.sql("""
            INSERT INTO zi_hardship_agreement (process_instance_id, agb_code, contract_year,
              granted_tariff_percentage, granted_amount, valid_until, granted_at)
            VALUES (:pi, :agb, :year, :percentage, :amount, :validUntil, :now)""")
        .param("pi", processInstanceId)
        .param("agb", agbCode)
        .param("year", contractYear)
        .param("percentage", tariffPercentage)
        .param("amount", amount)
        .param("validUntil", validUntil)
        .param("now", OffsetDateTime.now())
        .update();
  }

  /** The re-check at the herschikking: still eligible (no claw-back amount) or clawed back (an amount). */
  public void recheck(String processInstanceId, BigDecimal clawBackAmount) {
    int updated = jdbc.sql("UPDATE zi_hardship_agreement SET recheck_result = :result, claw_back_amount = :amount, "
            + "rechecked_at = :now WHERE process_instance_id = :pi")
        .param("result", clawBackAmount == null ? "STILL_ELIGIBLE" : "CLAWED_BACK")
        .param("amount", clawBackAmount)
        .param("now", OffsetDateTime.now())
        .param("pi", processInstanceId)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("No hardship agreement recorded for process instance " + processInstanceId);
    }
  }

  public Optional<Agreement> find(String processInstanceId) {
    return jdbc.sql("""
            SELECT process_instance_id, agb_code, contract_year, granted_tariff_percentage, granted_amount,
              valid_until, recheck_result, claw_back_amount
            FROM zi_hardship_agreement WHERE process_instance_id = :pi""")
        .param("pi", processInstanceId)
        .query((rs, row) -> new Agreement(rs.getString("process_instance_id"), rs.getString("agb_code"),
            rs.getInt("contract_year"), rs.getBigDecimal("granted_tariff_percentage"),
            rs.getBigDecimal("granted_amount"), rs.getObject("valid_until", LocalDate.class),
            rs.getString("recheck_result"), rs.getBigDecimal("claw_back_amount")))
        .optional();
  }
}
