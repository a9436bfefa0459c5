-- Integration bookkeeping (issue 4): what we did with outside systems, so that nothing happens twice or gets lost.
-- Written in the SQL that H2 2.x and PostgreSQL 15+ share.

-- Remote calls that succeeded, by idempotency key {processInstanceId}:{activityId}. Written in a transaction of its
-- own right after the call, so a retried job sees that the remote already did its work and does not call again.
CREATE TABLE zi_remote_call (
    idempotency_key VARCHAR(200)  NOT NULL PRIMARY KEY,
    remote_system   VARCHAR(30)   NOT NULL,
    result          VARCHAR(2000),
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Mail to providers: written in the process step's transaction, delivered by the outbox sender.
CREATE TABLE zi_mail_outbox (
    idempotency_key     VARCHAR(200)  NOT NULL PRIMARY KEY,
    message_id          VARCHAR(300)  NOT NULL,
    template            VARCHAR(100)  NOT NULL,
    recipient           VARCHAR(200)  NOT NULL,
    subject             VARCHAR(500)  NOT NULL,
    body                VARCHAR(20000) NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE,
    attempts            INTEGER       DEFAULT 0 NOT NULL,
    last_error          VARCHAR(1000)
);
CREATE INDEX zi_mail_outbox_unsent ON zi_mail_outbox (sent_at, attempts, created_at);

-- Signatures received from VECOZO, one per proposal: a second delivery of the same signature is answered from here
-- and does not correlate ContractSigned again.
CREATE TABLE zi_vecozo_signature (
    proposal_id         VARCHAR(100) NOT NULL PRIMARY KEY,
    business_key        VARCHAR(100) NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL,
    signed_at           VARCHAR(40)  NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
