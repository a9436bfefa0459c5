package nl.salland.zorginkoop.contract;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.sector.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Contracts in our own table {@code zi_contract}. */
@Repository
public class ContractRegister {

  private static final String COLUMNS = "agb_code, sector, contract_year, contract_form, contract_type, "
      + "revenue_ceiling, start_date, end_date, process_instance_id";

  private final JdbcClient jdbc;

  public ContractRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the contract of a provider, sector and year, replacing an earlier record of the same case (a process
   * step that is retried records the same contract again instead of failing).
   */
  @Transactional
  public void record(Contract contract) {
    jdbc.sql("DELETE FROM zi_contract WHERE agb_code = :agb AND sector = :sector AND contract_year = :year")
        .param("agb", contract.agbCode())
        .param("sector", contract.sector().name())
        .param("year", contract.contractYear())
        .update();
    jdbc.sql("INSERT INTO zi_contract (" + COLUMNS + ", recorded_at) VALUES (:agb, :sector, :year, :form, :type, "
            + ":ceiling, :start, :end, :pi, :now)")
        .param("agb", contract.agbCode())
        .param("sector", contract.sector().name())
        .param("year", contract.contractYear())
        .param("form", contract.contractForm().name())
        .param("type", contract.contractType())
        .param("ceiling", contract.revenueCeiling())
        .param("start", contract.startDate())
        .param("end", contract.endDate())
        .param("pi", contract.processInstanceId())
        .param("now", OffsetDateTime.now())
        .update();
  }

  /**
   * Raises the revenue ceiling of a registered contract (a granted ceiling-overrun request). Returns false when the
   * register has no contract for the provider, sector and year, or the contract has no ceiling to raise.
   */
  @Transactional
  public boolean raiseRevenueCeiling(String agbCode, Sector sector, int contractYear, BigDecimal newCeiling) {
    return jdbc.sql("UPDATE zi_contract SET revenue_ceiling = :ceiling, recorded_at = :now "
            + "WHERE agb_code = :agb AND sector = :sector AND contract_year = :year AND revenue_ceiling IS NOT NULL")
        .param("ceiling", newCeiling)
        .param("now", OffsetDateTime.now())
        .param("agb", agbCode)
        .param("sector", sector.name())
        .param("year", contractYear)
        .update() == 1;
  }

  /**
   * Lets a registered contract end earlier than recorded, e.g. on the day before the provider moves to another
   * contract type for the rest of the term. Returns false when there is no such contract.
   */
  @Transactional
  public boolean endOn(String agbCode, Sector sector, int contractYear, LocalDate lastDay) {
    return jdbc.sql("UPDATE zi_contract SET end_date = :end, recorded_at = :now "
            + "WHERE agb_code = :agb AND sector = :sector AND contract_year = :year")
        .param("end", lastDay)
        .param("now", OffsetDateTime.now())
        .param("agb", agbCode)
        .param("sector", sector.name())
        .param("year", contractYear)
        .update() == 1;
  }

  public Optional<Contract> find(String agbCode, Sector sector, int contractYear) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_contract WHERE agb_code = :agb AND sector = :sector "
            + "AND contract_year = :year")
        .param("agb", agbCode)
        .param("sector", sector.name())
        .param("year", contractYear)
        .query(ContractRegister::map)
        .optional();
  }

  public List<Contract> findByProvider(AgbCode agbCode) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM zi_contract WHERE agb_code = :agb ORDER BY contract_year, sector")
        .param("agb", agbCode.value())
        .query(ContractRegister::map)
        .list();
  }

  private static Contract map(ResultSet rs, int row) throws SQLException {
    return new Contract(rs.getString("agb_code"), Sector.valueOf(rs.getString("sector")), rs.getInt("contract_year"),
        ContractForm.valueOf(rs.getString("contract_form")), rs.getString("contract_type"),
        rs.getBigDecimal("revenue_ceiling"), rs.getObject("start_date", java.time.LocalDate.class),
        rs.getObject("end_date", java.time.LocalDate.class), rs.getString("process_instance_id"));
  }
}
