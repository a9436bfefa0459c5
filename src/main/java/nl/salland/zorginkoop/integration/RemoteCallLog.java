package nl.salland.zorginkoop.integration;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Remembers the remote calls that succeeded ({@code zi_remote_call}), by idempotency key, in a transaction of its
 * own: when the job's transaction fails after the remote already did its work, the retried job finds the call here
 * and does not repeat it. Where even this record is lost, the remote still deduplicates by the same key.
 */
@Repository
public class RemoteCallLog {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public RemoteCallLog(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The result of the earlier successful call with this key, or else the result of {@code call}, now logged. */
  public String once(IdempotencyKey key, String system, Supplier<String> call) {
    Optional<String> earlier = find(key);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String result = call.get();
    ownTransaction.executeWithoutResult(status -> jdbc.sql("""
            INSERT INTO zi_remote_call (idempotency_key, remote_system, result, completed_at)
            VALUES (:key, :system, :result, :now)""")
        .param("key", key.value())
        .param("system", system)
        .param("result", result)
        .param("now", OffsetDateTime.now())
        .update());
    return result;
  }

  private Optional<String> find(IdempotencyKey key) {
    return jdbc.sql("SELECT result FROM zi_remote_call WHERE idempotency_key = :key")
        .param("key", key.value())
        .query(String.class)
        .optional();
  }
}
