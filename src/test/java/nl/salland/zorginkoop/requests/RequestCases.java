package nl.salland.zorginkoop.requests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import nl.salland.zorginkoop.contract.Contract;
import nl.salland.zorginkoop.contract.ContractForm;
import nl.salland.zorginkoop.contract.ContractRegister;
import nl.salland.zorginkoop.integration.mail.MailOutbox;
import nl.salland.zorginkoop.integration.mail.OutboxMail;
import nl.salland.zorginkoop.provider.AgbCode;
import nl.salland.zorginkoop.provider.Provider;
import nl.salland.zorginkoop.provider.ProviderRegister;
import nl.salland.zorginkoop.sector.Sector;
import nl.salland.zorginkoop.requests.transitionbudget.TransitionBudgets;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test data for the request processes: a provider and its contract in the register, and the mails a case wrote. */
@Component
public class RequestCases {

  private final ProviderRegister providers;
  private final ContractRegister contracts;
  private final MailOutbox outbox;
  private final TransitionBudgets budgets;
  private final JdbcClient jdbc;

  public RequestCases(ProviderRegister providers, ContractRegister contracts, MailOutbox outbox,
      TransitionBudgets budgets, JdbcClient jdbc) {
    this.providers = providers;
    this.contracts = contracts;
    this.outbox = outbox;
    this.budgets = budgets;
    this.jdbc = jdbc;
  }

  /**
   * Gives a test the regiobudget state it needs, whatever earlier tests (or runs, on the shared PostgreSQL database)
   * took from the pot of that year: the pot is open with {@code total} and has {@code remaining} left.
   */
  public void transitionBudget(int year, String total, String remaining) {
    budgets.open(year, new BigDecimal(total));
    jdbc.sql("UPDATE zi_transition_budget SET total_amount = :total, remaining_amount = :remaining "
            + "WHERE budget_year = :year")
        .param("total", new BigDecimal(total))
        .param("remaining", new BigDecimal(remaining))
        .param("year", year)
        .update();
  }

  public BigDecimal transitionBudgetLeft(int year) {
    return budgets.remaining(year).orElseThrow();
  }

  /** The amount granted to one application, if any. */
  public java.util.Optional<BigDecimal> transitionGrant(ProcessInstance pi) {
    return jdbc.sql("SELECT amount FROM zi_transition_grant WHERE process_instance_id = :pi")
        .param("pi", pi.getId())
        .query(BigDecimal.class)
        .optional();
  }

  /** A provider in the register, with an e-mail address of its own. */
  public void provider(String agbCode, String name) {
    providers.save(new Provider(new AgbCode(agbCode), name, null, "Deventer", "info-" + agbCode + "@aanbieder.example"));
  }

  public void contract(String agbCode, Sector sector, int year, String type, String ceiling, String start, String end) {
    contracts.record(new Contract(agbCode, sector, year, ContractForm.MAATWERK, type,
        ceiling == null ? null : new BigDecimal(ceiling), LocalDate.parse(start), LocalDate.parse(end), null));
  }

  public Contract contractOf(String agbCode, Sector sector, int year) {
    return contracts.find(agbCode, sector, year).orElseThrow();
  }

  public boolean hasContract(String agbCode, Sector sector, int year) {
    return contracts.find(agbCode, sector, year).isPresent();
  }

  /** The mail the step wrote to the outbox (each step writes at most one). */
  public OutboxMail mail(ProcessInstance pi, String activityId) {
    return outbox.find(pi.getId() + ":" + activityId).orElseThrow(() ->
        new AssertionError("no mail from " + activityId));
  }

  public boolean hasMail(ProcessInstance pi, String activityId) {
    return outbox.find(pi.getId() + ":" + activityId).isPresent();
  }

  /** An ISO date-time with offset as a Date, for comparing due dates. */
  public static Date moment(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
  }
}
