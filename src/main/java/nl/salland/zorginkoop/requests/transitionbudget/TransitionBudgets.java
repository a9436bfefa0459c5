package nl.salland.zorginkoop.requests.transitionbudget;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The earmarked Wlz regiobudget (transitiemiddelen) per budget year in {@code zi_transition_budget}, and the grants
 * taken from it in {@code zi_transition_grant}.
 *
 * <p>A grant takes its amount with one conditional UPDATE in the caller's transaction (the engine's, when a process
 * step grants): {@code remaining_amount = remaining_amount - :amount ... AND remaining_amount >= :amount}. Two grants
 * against the last of the budget at the same moment: the database lets the second UPDATE wait for the first to
 * commit and then evaluates its condition again on the new remainder, so exactly one of them finds enough; the other
 * changes nothing and is told so. The CHECK constraints keep the remainder between zero and the total whatever
 * happens, and the grant row (one per process instance) keeps a grant from being counted twice.
 */
@Repository
public class TransitionBudgets {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public TransitionBudgets(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Opens the pot of a budget year with its total, unless it is open already (then its total and remainder stay as
   * they are). Runs in a transaction of its own and commits at once, so that two applications opening the pot at the
   * same moment never make each other's process step fail.
   */
  public void open(int budgetYear, BigDecimal total) {
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql("""
              INSERT INTO zi_transition_budget (budget_year, total_amount, remaining_amount, opened_at)
              SELECT :year, :total, :total, :now
              WHERE NOT EXISTS (SELECT 1 FROM zi_transition_budget WHERE budget_year = :year)""")
          .param("year", budgetYear)
          .param("total", total)
          .param("now", OffsetDateTime.now())
          .update());
    } catch (DuplicateKeyException openedConcurrently) {
      // another application opened the same pot a moment earlier: fine, it is open
    }
  }

  public Optional<BigDecimal> remaining(int budgetYear) {
    return jdbc.sql("SELECT remaining_amount FROM zi_transition_budget WHERE budget_year = :year")
        .param("year", budgetYear)
        .query(BigDecimal.class)
        .optional();
  }

  /**
   * Takes {@code amount} from the pot for one application, in the caller's transaction. Returns false, and changes
   * nothing, when the pot has less left than the amount.
   */
  public boolean grant(String processInstanceId, int budgetYear, String agbCode, String theme, BigDecimal amount) {
    int taken = jdbc.sql("UPDATE zi_transition_budget SET remaining_amount = remaining_amount - :amount "
            + "WHERE budget_year = :year AND remaining_amount >= :amount")
        .param("amount", amount)
        .param("year", budgetYear)
        .update();
    if (taken == 0) {
      return false;
    }
    jdbc.sql("""
            INSERT INTO zi_transition_grant (process_instance_id, budget_year, agb_code, transition_theme, amount,
              granted_at)
            VALUES (:pi, :year, :agb, :theme, :amount, :now)""")
        .param("pi", processInstanceId)
        .param("year", budgetYear)
        .param("agb", agbCode)
        .param("theme", theme)
        .param("amount", amount)
        .param("now", OffsetDateTime.now())
        .update();
    return true;
  }

  /** The sum of the grants of a budget year (for checks: total = remainder + granted). */
  public BigDecimal granted(int budgetYear) {
    return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM zi_transition_grant WHERE budget_year = :year")
        .param("year", budgetYear)
        .query(BigDecimal.class)
        .single();
  }
}
