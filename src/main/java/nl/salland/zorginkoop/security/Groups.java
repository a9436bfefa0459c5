package nl.salland.zorginkoop.security;

import java.util.List;
import java.util.stream.Stream;
import nl.salland.zorginkoop.sector.Sector;

/** The Camunda groups of zorginkoop. Sector staff groups come from {@link Sector#staffGroup()}. */
public final class Groups {

  /** Read everything, complete nothing, deploy nothing. */
  public static final String MANAGERS = "managers";
  /** Process owners: deploy from Camunda Modeler and read. */
  public static final String PROCESS_OWNERS = "procesbeheer";
  /** Technical users of outside systems (the VECOZO adapter): correlate messages and start instances, nothing else. */
  public static final String SYSTEM_INTEGRATIONS = "systeemkoppeling";
  /**
   * Salland's care mediators (zorgbemiddeling): help insured find care elsewhere, e.g. when a provider's revenue
   * ceiling is not raised. Tasklist and the cases of the processes that give them tasks.
   */
  public static final String CARE_MEDIATION = "zorgbemiddeling";
  /** Camunda's own administrator group; gets every permission from the engine. */
  public static final String ADMINS = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  private Groups() {
  }

  public static List<String> staffGroups() {
    return Stream.of(Sector.values()).map(Sector::staffGroup).toList();
  }
}
