package nl.salland.zorginkoop.requests.transitionbudget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.salland.zorginkoop.TestAgbCodes;
import nl.salland.zorginkoop.ZorginkoopTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regiobudget pot itself: every test opens a pot of its own (a budget year no other test uses), so it never
 * depends on what other tests or runs took from a pot. Concurrency is real: each grant runs in its own transaction on
 * its own thread, as two engine transactions do.
 */
@ZorginkoopTest
class TransitionBudgetsTest {

  @Autowired
  TransitionBudgets budgets;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  /** Consecutive from a random start: no two tests of a run share a pot, which a random year per test did not ensure. */
  private static final AtomicInteger NEXT_YEAR = new AtomicInteger(ThreadLocalRandom.current().nextInt(3000, 8000));

  private final int year = NEXT_YEAR.getAndIncrement();

  private boolean grantInOwnTransaction(String amount) {
    Boolean granted = new TransactionTemplate(transactions).execute(status ->
        budgets.grant(UUID.randomUUID().toString(), year, TestAgbCodes.next(), "LONGER_AT_HOME", new BigDecimal(amount)));
    return Boolean.TRUE.equals(granted);
  }

  @Test
  void opensAPotOnceWithItsTotalAndKeepsItsRemainderWhenOpenedAgain() {
    budgets.open(year, new BigDecimal("400000"));
    assertThat(grantInOwnTransaction("1000")).isTrue();

    budgets.open(year, new BigDecimal("400000"));

    assertThat(budgets.remaining(year)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("399000"));
  }

  @Test
  void grantsUpToTheLastEuroAndNotOneEuroMore() {
    budgets.open(year, new BigDecimal("1000"));

    assertThat(grantInOwnTransaction("600")).isTrue();
    assertThat(grantInOwnTransaction("400.01")).isFalse();
    assertThat(grantInOwnTransaction("400")).isTrue();
    assertThat(grantInOwnTransaction("0.01")).isFalse();

    assertThat(budgets.remaining(year)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0"));
    assertThat(budgets.granted(year)).isEqualByComparingTo("1000");
  }

  @Test
  void theDatabaseItselfRefusesARemainderBelowZeroOrAboveTheTotal() {
    budgets.open(year, new BigDecimal("100"));

    assertThatThrownBy(() -> jdbc.sql("UPDATE zi_transition_budget SET remaining_amount = remaining_amount - 100.01 "
        + "WHERE budget_year = :year").param("year", year).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.sql("UPDATE zi_transition_budget SET remaining_amount = 100.01 "
        + "WHERE budget_year = :year").param("year", year).update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(budgets.remaining(year)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("100"));
  }

  @Test
  void countsAGrantOfOneApplicationOnlyOnce() {
    budgets.open(year, new BigDecimal("1000"));
    String application = UUID.randomUUID().toString();
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(s -> budgets.grant(application, year, TestAgbCodes.next(), "LABOUR_MARKET",
        new BigDecimal("300")));

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> budgets.grant(application, year, TestAgbCodes.next(),
        "LABOUR_MARKET", new BigDecimal("300")))).isInstanceOf(DataIntegrityViolationException.class);

    assertThat(budgets.remaining(year)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("700"));
    assertThat(budgets.granted(year)).isEqualByComparingTo("300");
  }

  /** Eight grants of 100 against a pot of 500, all released at the same moment: exactly five succeed. */
  @Test
  void manySimultaneousGrantsNeverTakeMoreThanThePotHolds() throws Exception {
    budgets.open(year, new BigDecimal("500"));
    int grants = 8;
    CountDownLatch ready = new CountDownLatch(grants);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(grants);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < grants; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return grantInOwnTransaction("100");
        }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      int granted = 0;
      for (Future<Boolean> result : results) {
        granted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(granted).isEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
    assertThat(budgets.remaining(year)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0"));
    assertThat(budgets.granted(year)).isEqualByComparingTo("500");
  }

  @Test
  void twoApplicationsOpeningTheSamePotAtOnceBothSucceed() throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> opens = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        opens.add(pool.submit(() -> {
          go.await();
          budgets.open(year, new BigDecimal("250"));
          return null;
        }));
      }
      go.countDown();
      for (Future<?> open : opens) {
        open.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(budgets.remaining(year)).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("250"));
  }
}
