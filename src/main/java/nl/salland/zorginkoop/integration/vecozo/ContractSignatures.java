package nl.salland.zorginkoop.integration.vecozo;

import java.util.Optional;
import nl.salland.zorginkoop.casetracking.CaseLocks;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a signature notice from VECOZO into the {@code ContractSigned} message of its case, exactly once: the
 * correlation and the receipt commit together, and a notice whose proposal already has a receipt is answered as a
 * duplicate without correlating again. Notices for one case are handled one after the other ({@link CaseLocks}): of two
 * arriving at the same moment exactly one is correlated, the other is answered as a duplicate (same proposal) or as a
 * conflict (the case no longer waits for a signature).
 */
@Service
class ContractSignatures {

  static final String MESSAGE = "ContractSigned";

  enum Status {
    CORRELATED,
    ALREADY_RECEIVED,
    NO_MATCHING_CASE,
    CASE_NOT_WAITING
  }

  record Outcome(Status status, String businessKey, String processInstanceId, String message) {
  }

  private final RuntimeService runtime;
  private final SignatureReceipts receipts;
  private final CaseLocks caseLocks;
  private final TransactionTemplate transaction;

  ContractSignatures(RuntimeService runtime, SignatureReceipts receipts, CaseLocks caseLocks,
      PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.receipts = receipts;
    this.caseLocks = caseLocks;
    this.transaction = new TransactionTemplate(transactions);
  }

  Outcome receive(SignatureNotice notice) {
    Optional<Outcome> earlier = alreadyReceived(notice);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String businessKey = notice.businessKey();
    try {
      String processInstanceId = transaction.execute(status -> {
        caseLocks.lock(businessKey);
        if (receipts.find(notice.proposalId()).isPresent()) {
          return null; // the same notice, delivered twice at once, went first
        }
        MessageCorrelationResult result = runtime.createMessageCorrelation(MESSAGE)
            .processInstanceBusinessKey(businessKey)
            .setVariable("signedAt", notice.signedAt())
            .correlateWithResult();
        String instanceId = result.getResultType() == MessageCorrelationResultType.Execution
            ? result.getExecution().getProcessInstanceId() : result.getProcessInstance().getId();
        receipts.record(notice, instanceId);
        return instanceId;
      });
      return processInstanceId == null ? alreadyReceived(notice).orElseThrow() : new Outcome(Status.CORRELATED,
          businessKey, processInstanceId, "Ondertekening verwerkt voor zaak " + businessKey);
    } catch (DuplicateKeyException concurrentDelivery) {
      return alreadyReceived(notice).orElseThrow();
    } catch (OptimisticLockingException concurrentChange) {
      // Changed by something else than a signature (a timer, a task) while this one was correlated: nothing stored.
      return alreadyReceived(notice).orElseGet(() -> new Outcome(Status.CASE_NOT_WAITING, businessKey, null,
          "Zaak " + businessKey + " is op hetzelfde moment door iets anders gewijzigd; de ondertekening is niet "
              + "verwerkt, stuur haar opnieuw"));
    } catch (MismatchingMessageCorrelationException e) {
      // Unless the same notice, delivered twice at once, went first and the case moved on: a duplicate, not a
      // conflict. (Checked again here because on H2 the check under the case lock has been seen to miss the other's
      // receipt.)
      return alreadyReceived(notice).orElseGet(() -> {
        boolean caseRuns = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0;
        return caseRuns
            ? new Outcome(Status.CASE_NOT_WAITING, businessKey, null, "Zaak " + businessKey
                + " wacht niet (of niet eenduidig) op een ondertekening: " + e.getMessage())
            : new Outcome(Status.NO_MATCHING_CASE, businessKey, null, "Geen lopende zaak " + businessKey);
      });
    }
  }

  /** The answer to a notice whose proposal already has a receipt, if it has one. */
  private Optional<Outcome> alreadyReceived(SignatureNotice notice) {
    return receipts.find(notice.proposalId()).map(receipt -> new Outcome(Status.ALREADY_RECEIVED,
        receipt.businessKey(), receipt.processInstanceId(),
        "Ondertekening van voorstel " + notice.proposalId() + " was al ontvangen op " + receipt.receivedAt()));
  }
}
