package nl.salland.zorginkoop;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users for tests, created once per database; every test user has the password {@link #PASSWORD}. */
public final class TestUsers {

  public static final String PASSWORD = "test-secret";

  private TestUsers() {
  }

  /** Creates the user (if new) as member of the given groups and returns its id. */
  public static String ensure(IdentityService identity, String userId, String... groupIds) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Test");
      user.setLastName(userId);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    for (String groupId : groupIds) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(userId, groupId);
      }
    }
    return userId;
  }
}
