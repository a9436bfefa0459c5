package nl.salland.zorginkoop.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Spares every authorization check a read of every authorization. Before it checks anything for a logged-in user,
 * Camunda narrows the user's groups to those named in some authorization, with {@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION} once per command: that keeps the check short for a user in hundreds of directory groups. Here
 * a user is in one to three groups, while the table grows by a grant for every case ({@link SectorInstanceAccess})
 * and keeps it as long as the case's history: 28,000 rows after a season of 20,000 providers, 19 ms per read, about
 * three reads per task completed in Tasklist, most of the database's time in the season benchmark
 * (docs/performance.md). A group without authorizations matches nothing in the check, so the user's groups passed on
 * as they are give the same answers. A user in more than {@value #UNFILTERED_UP_TO} groups gets Camunda's filter.
 */
@Component
public class AuthorizationGroupFilter extends AbstractProcessEnginePlugin {

  static final int UNFILTERED_UP_TO = 20;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // Replaces Camunda's factory for the one session type, as engine/EntityIdCheck replaces its entity manager's.
    configuration.getSessionFactories().put(AuthorizationManager.class, new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new SmallGroupListsUnfiltered();
      }
    });
  }

  static class SmallGroupListsUnfiltered extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() > UNFILTERED_UP_TO) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(authenticatedGroupIds.stream().filter(Objects::nonNull).distinct().toList());
    }
  }
}
