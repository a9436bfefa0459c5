package nl.salland.zorginkoop.contracting;

import java.time.Duration;
import java.util.Date;
import nl.salland.zorginkoop.calendar.ContractingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The life of a digital contract proposal, for BPMN expressions ({@code proposalTerms}): it lapses 6 weeks after it
 * was sent (PROPOSAL_VALIDITY), and at the latest when the signing date passes (SIGNING_DUE), whichever comes first
 * (000_5b3b4acc3ecb3548.txt:542, :560). Both terms come from the contracting calendar decision.
 */
@Component("proposalTerms")
public class ProposalTerms {

  private final ContractingCalendar calendar;
  private final Duration reminderLeadTime;

  public ProposalTerms(ContractingCalendar calendar,
      @Value("${zorginkoop.reminders.lead-time:P7D}") Duration reminderLeadTime) {
    this.calendar = calendar;
    this.reminderLeadTime = reminderLeadTime;
  }

  /** The first moment the proposal is no longer valid (for the expiry timer). */
  public Date expiresAt(Date sentAt, Object sector, Object contractYear) {
    Date validityLapses = new Date(calendar.afterTerm(sentAt, sector, contractYear, "PROPOSAL_VALIDITY").getTime() + 1);
    Date signingClosed = calendar.lateFrom(sector, contractYear, "SIGNING_DUE");
    return validityLapses.before(signingClosed) ? validityLapses : signingClosed;
  }

  /** The last moment a signature is still in time. */
  public Date lastMoment(Date expiresAt) {
    return new Date(expiresAt.getTime() - 1);
  }

  /** When the provider is reminded to sign. */
  public Date reminderAt(Date expiresAt) {
    return new Date(expiresAt.getTime() - reminderLeadTime.toMillis());
  }
}
