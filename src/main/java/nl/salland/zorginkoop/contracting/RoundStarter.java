package nl.salland.zorginkoop.contracting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.salland.zorginkoop.validation.RequiredVariablesPlugin.Requirements;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the season: starts a contracting round for many providers at once. Rounds are started in batches, each in
 * one database transaction (Camunda joins the surrounding Spring transaction), so thousands of starts cost a few
 * hundred commits instead of thousands. There is one round per provider, sector and contract year: a round whose
 * business key exists already (running or ended) is skipped, so sending the same list again starts nothing twice.
 */
@Component
public class RoundStarter {

  public static final String PROCESS_KEY = "contractingRound";
  static final int BATCH_SIZE = 100;

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final CommandExecutor commands;
  private final TransactionTemplate transactions;

  public RoundStarter(RuntimeService runtimeService, HistoryService historyService, ProcessEngine engine,
      TransactionTemplate transactions) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    this.transactions = transactions;
  }

  /** One round to start: the CONTRACT start variables. */
  public record RoundRequest(String agbCode, String sector, Integer contractYear, String providerStatus,
      String contractingMode) {

    public String businessKey() {
      return agbCode + "-" + sector + "-" + contractYear;
    }

    public Map<String, Object> variables() {
      return Map.of("agbCode", agbCode, "sector", sector, "contractYear", contractYear,
          "providerStatus", providerStatus, "contractingMode", contractingMode);
    }
  }

  public record Started(int started, int alreadyExisting) {
  }

  /** What the latest deployed round requires at its start, among others the sectors it handles (its model says). */
  public Requirements startRequirements() {
    return commands.execute(context -> Requirements.storedOn(context.getProcessEngineConfiguration()
        .getDeploymentCache().findDeployedLatestProcessDefinitionByKey(PROCESS_KEY)));
  }

  /** Starts the rounds (validated by the caller), batch by batch; a failing batch rolls back on its own. */
  public Started startAll(List<RoundRequest> rounds) {
    int started = 0;
    int existing = 0;
    for (int from = 0; from < rounds.size(); from += BATCH_SIZE) {
      List<RoundRequest> batch = rounds.subList(from, Math.min(rounds.size(), from + BATCH_SIZE));
      int[] counts = transactions.execute(status -> startBatch(batch));
      started += counts[0];
      existing += counts[1];
    }
    return new Started(started, existing);
  }

  private int[] startBatch(List<RoundRequest> batch) {
    List<String> keys = new ArrayList<>();
    batch.forEach(r -> keys.add(r.businessKey()));
    Set<String> existingKeys = new HashSet<>();
    // One query for the batch instead of one per round. It must see every round, also those the caller may not
    // read (a round of the caller's sector started by someone else), else the caller could start a second one.
    List<HistoricProcessInstance> existing = commands.execute(context -> {
      context.disableAuthorizationCheck();
      return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
          .processInstanceBusinessKeyIn(keys.toArray(String[]::new)).list();
    });
    existing.forEach(pi -> existingKeys.add(pi.getBusinessKey()));
    List<RoundRequest> toStart = batch.stream().filter(round -> existingKeys.add(round.businessKey())).toList();
    if (toStart.isEmpty()) {
      return new int[] {0, batch.size()};
    }
    // All starts of the batch in one engine command: the engine writes what they created in one flush, as JDBC
    // batches (one multi-row insert per table on PostgreSQL) instead of a few statements per round. The latest
    // version is looked up, and the caller's right to start it checked, once for the batch instead of for every
    // round (a definition query and authorization queries each): every start of the batch is the same caller
    // starting the same definition in the same transaction, and checkCreateProcessInstance is all that a start
    // checks (StartProcessInstanceCmd). Tenant checks and the user operation log are not affected.
    commands.execute(context -> {
      ProcessDefinitionEntity latest = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestProcessDefinitionByKey(PROCESS_KEY);
      context.getProcessEngineConfiguration().getCommandCheckers()
          .forEach(checker -> checker.checkCreateProcessInstance(latest));
      return context.runWithoutAuthorization(() -> {
        toStart.forEach(round ->
            runtimeService.startProcessInstanceById(latest.getId(), round.businessKey(), round.variables()));
        return null;
      });
    });
    return new int[] {toStart.size(), batch.size() - toStart.size()};
  }
}
