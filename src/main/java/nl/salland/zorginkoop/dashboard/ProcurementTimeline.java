package nl.salland.zorginkoop.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.salland.zorginkoop.calendar.ContractingCalendar;
import nl.salland.zorginkoop.sector.Sector;
import org.springframework.stereotype.Component;

/**
 * The dated milestones of a procurement year per sector, from the contracting calendar decision (through
 * {@link ContractingCalendar}, which keeps the rows of the deployed version, so a page view evaluates no table).
 */
@Component
public class ProcurementTimeline {

  private final ContractingCalendar calendar;

  public ProcurementTimeline(ContractingCalendar calendar) {
    this.calendar = calendar;
  }

  public record Milestone(String sector, int contractYear, String milestone, String label, String deadline) {
  }

  /** Milestones with a date (not the running terms), in date order; a sector without rows has none. */
  public List<Milestone> milestones(Sector onlySector, int contractYear) {
    List<Milestone> milestones = new ArrayList<>();
    for (Sector sector : Sector.values()) {
      if (onlySector == null || onlySector == sector) {
        calendar.datedMilestones(sector, contractYear).forEach(m -> milestones.add(
            new Milestone(sector.name(), contractYear, m.milestone(), m.label(), m.deadline())));
      }
    }
    milestones.sort(Comparator.comparing(Milestone::deadline).thenComparing(Milestone::sector));
    return milestones;
  }
}
