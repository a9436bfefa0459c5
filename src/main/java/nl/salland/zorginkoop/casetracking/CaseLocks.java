package nl.salland.zorginkoop.casetracking;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets changes to one case wait for each other, on every node: the case's row in {@code zi_case} is locked until the
 * current transaction ends. The engine itself only notices a concurrent change when it writes (optimistic locking),
 * and a change that read the case while another one was committing can fail in ways that are hard to explain to the
 * caller; one after the other, the second change sees what the first did and is answered accordingly.
 */
@Component
public class CaseLocks {

  private final JdbcClient jdbc;

  CaseLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Waits until no other transaction changes the running case with this business key, then holds it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(String businessKey) {
    jdbc.sql("SELECT process_instance_id FROM zi_case WHERE business_key = :key AND status = 'ACTIVE' FOR UPDATE")
        .param("key", businessKey).query(String.class).list();
  }
}
