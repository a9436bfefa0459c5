package nl.salland.zorginkoop.demo;

import java.util.List;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users of the default (H2) profile, one per group, all with password "demo" (README lists them). Never
 * active in the postgres profile.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "zorginkoop.demo.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

  public static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, String group) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("inkoper-kz", "Karin", "de Zwart", Sector.KORTDURENDE_ZORG.staffGroup()),
      new DemoUser("inkoper-ha", "Hans", "Aalbers", Sector.HUISARTSENZORG.staffGroup()),
      new DemoUser("inkoper-para", "Petra", "Ramaker", Sector.PARAMEDISCHE_ZORG.staffGroup()),
      new DemoUser("inkoper-ggz", "Gerrit", "Zandbergen", Sector.GGZ.staffGroup()),
      new DemoUser("inkoper-wlz", "Wilma", "Lenferink", Sector.WLZ_GZ.staffGroup()),
      new DemoUser("manager", "Marieke", "Nijhof", Groups.MANAGERS),
      new DemoUser("procesbeheerder", "Paul", "Beerninck", Groups.PROCESS_OWNERS),
      new DemoUser("zorgbemiddelaar", "Zeynep", "Bosman", Groups.CARE_MEDIATION),
      // The simulated VECOZO delivers signatures with this technical user (zorginkoop.simulator.vecozo-user).
      new DemoUser("vecozo-koppeling", "VECOZO", "Koppeling", Groups.SYSTEM_INTEGRATIONS));

  private final IdentityService identityService;

  public DemoUsers(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@salland.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(demo.id(), demo.group());
      }
    }
  }
}
