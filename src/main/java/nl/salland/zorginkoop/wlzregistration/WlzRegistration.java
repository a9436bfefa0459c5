package nl.salland.zorginkoop.wlzregistration;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One Wlz registration as recorded in {@code zi_wlz_registration}: {@code status} is {@code ASSESSING} while its
 * case runs, then the case's outcome ({@code NOT_ASSESSED_LATE}, {@code NOT_ASSESSED_REREGISTRATION},
 * {@code NOT_ASSESSED_INCOMPLETE}, {@code REJECTED}, {@code CONTRACT_OFFERED}) or {@code CANCELLED}.
 */
public record WlzRegistration(String processInstanceId, String agbCode, int contractYear, OffsetDateTime registeredAt,
    boolean submittedComplete, String status, String providerCategory, String contractDuration,
    BigDecimal tariffPercentage, String reasons, OffsetDateTime receivedAt, OffsetDateTime decidedAt) {
}
