package nl.salland.zorginkoop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.salland.zorginkoop.ZorginkoopTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ZorginkoopTest
class EntityIdCheckTest {

  @Autowired
  ProcessEngine engine;

  @Test
  void everyCommandInsertsThroughTheCheckThatBuildsNoMessage() {
    assertThat(configuration().getSessionFactories().get(DbEntityManager.class))
        .isInstanceOf(EntityIdCheck.CheckingIdFirst.class);
  }

  @Test
  void aRowWithoutIdGetsOneAndIsStored() {
    String id = commands().execute(context -> {
      ByteArrayEntity row = new ByteArrayEntity("entity-id-check-test", new byte[] {1});
      context.getDbEntityManager().insert(row);
      return row.getId();
    });

    assertThat(id).isNotBlank();
    ByteArrayEntity stored = commands().execute(
        context -> context.getDbEntityManager().selectById(ByteArrayEntity.class, id));
    assertThat(stored.getBytes()).containsExactly(1);
    commands().execute(context -> {
      context.getByteArrayManager().deleteByteArrayById(id);
      return null;
    });
  }

  @Test
  void aRowWithTheReservedIdIsRefusedWithCamundasOwnMessage() {
    assertThatThrownBy(() -> commands().execute(context -> {
      ByteArrayEntity row = new ByteArrayEntity("entity-id-check-test", new byte[] {1});
      row.setId("*");
      context.getDbEntityManager().insert(row);
      return null;
    })).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity ByteArrayEntity[id=*")
        .hasMessageContaining("has an invalid id")
        .hasMessageContaining("* is a reserved identifier");
  }

  private CommandExecutor commands() {
    return configuration().getCommandExecutorTxRequired();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
