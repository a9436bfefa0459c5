package nl.salland.zorginkoop.calendar;

import org.camunda.bpm.engine.ProcessEngineException;

/** The contracting calendar has no (usable) row for a sector, contract year and milestone. */
public class CalendarEntryNotFoundException extends ProcessEngineException {

  public CalendarEntryNotFoundException(String message) {
    super(message);
  }
}
