package nl.salland.zorginkoop.integration.vecozo;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signatures received from VECOZO ({@code zi_vecozo_signature}), one per proposal. */
@Repository
class SignatureReceipts {

  record Receipt(String proposalId, String businessKey, String processInstanceId, OffsetDateTime receivedAt) {
  }

  private final JdbcClient jdbc;

  SignatureReceipts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Receipt> find(String proposalId) {
    return jdbc.sql("""
            SELECT proposal_id, business_key, process_instance_id, received_at FROM zi_vecozo_signature
            WHERE proposal_id = :proposalId""")
        .param("proposalId", proposalId)
        .query((rs, row) -> new Receipt(rs.getString("proposal_id"), rs.getString("business_key"),
            rs.getString("process_instance_id"), rs.getObject("received_at", OffsetDateTime.class)))
        .optional();
  }

  void record(SignatureNotice notice, String processInstanceId) {
    jdbc.sql("""
            INSERT INTO zi_vecozo_signature (proposal_id, business_key, process_instance_id, signed_at, received_at)
            VALUES (:proposalId, :businessKey, :processInstanceId, :signedAt, :now)""")
        .param("proposalId", notice.proposalId())
        .param("businessKey", notice.businessKey())
        .param("processInstanceId", processInstanceId)
        .param("signedAt", notice.signedAt())
        .param("now", OffsetDateTime.now())
        .update();
  }
}
