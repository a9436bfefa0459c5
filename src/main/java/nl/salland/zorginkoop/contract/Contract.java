package nl.salland.zorginkoop.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import nl.salland.zorginkoop.sector.Sector;

/**
 * A contract in the register: one per provider, sector and contract year. {@code contractType} is the sector's
 * type where it has one (physiotherapy A/B, Wlz MULTI_YEAR/ONE_YEAR); {@code revenueCeiling} is the omzetplafond in
 * euros, null where the contract has none.
 */
public record Contract(String agbCode, Sector sector, int contractYear, ContractForm contractForm, String contractType,
    BigDecimal revenueCeiling, LocalDate startDate, LocalDate endDate, String processInstanceId) {
}
