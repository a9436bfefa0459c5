-- Requests during the contract year (issue 7): what the request processes decide and must remember outside the
-- engine. Written in the SQL that H2 2.x and PostgreSQL 15+ share. A raised revenue ceiling and a switch from contract
-- B to A change the register itself (zi_contract); the rest is here.

-- Wlz regiobudget (transitiemiddelen): one earmarked pot per budget year, its total from the decision
-- transitionBudgetTotal. A grant takes its amount from the pot with one conditional UPDATE
-- (... SET remaining_amount = remaining_amount - :amount WHERE ... AND remaining_amount >= :amount) in the engine's
-- transaction; the CHECK constraints keep the pot from going below zero whatever the code does.
CREATE TABLE zi_transition_budget (
    budget_year      INTEGER        NOT NULL PRIMARY KEY,
    total_amount     NUMERIC(14, 2) NOT NULL,
    remaining_amount NUMERIC(14, 2) NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT zi_transition_budget_total CHECK (total_amount >= 0),
    CONSTRAINT zi_transition_budget_not_negative CHECK (remaining_amount >= 0),
    CONSTRAINT zi_transition_budget_within_total CHECK (remaining_amount <= total_amount)
);

-- One grant per application (process instance): a grant is never counted twice.
CREATE TABLE zi_transition_grant (
    process_instance_id VARCHAR(64)    NOT NULL PRIMARY KEY,
    budget_year         INTEGER        NOT NULL REFERENCES zi_transition_budget (budget_year),
    agb_code            CHAR(8)        NOT NULL,
    transition_theme    VARCHAR(40)    NOT NULL,
    amount              NUMERIC(14, 2) NOT NULL,
    granted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT zi_transition_grant_amount CHECK (amount > 0)
);
CREATE INDEX zi_transition_grant_year ON zi_transition_grant (budget_year);
CREATE INDEX zi_transition_grant_agb ON zi_transition_grant (agb_code);

-- Wlz hardheidsclausule: the maatwerk agreement, valid at most for the procurement year, and what the re-check at the
-- herschikking decided (still eligible, or an amount clawed back).
CREATE TABLE zi_hardship_agreement (
    process_instance_id       VARCHAR(64)    NOT NULL PRIMARY KEY,
    agb_code                  CHAR(8)        NOT NULL,
    contract_year             INTEGER        NOT NULL,
    granted_tariff_percentage NUMERIC(6, 2),
    granted_amount            NUMERIC(14, 2),
    valid_until               DATE           NOT NULL,
    granted_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    recheck_result            VARCHAR(20),
    claw_back_amount          NUMERIC(14, 2),
    rechecked_at              TIMESTAMP WITH TIME ZONE,
    CONSTRAINT zi_hardship_terms CHECK (granted_tariff_percentage IS NOT NULL OR granted_amount IS NOT NULL),
    CONSTRAINT zi_hardship_percentage CHECK (granted_tariff_percentage IS NULL
        OR (granted_tariff_percentage >= 0 AND granted_tariff_percentage <= 100)),
    CONSTRAINT zi_hardship_amount CHECK (granted_amount IS NULL OR granted_amount >= 0),
    CONSTRAINT zi_hardship_recheck CHECK (recheck_result IS NULL OR recheck_result IN ('STILL_ELIGIBLE', 'CLAWED_BACK')),
    CONSTRAINT zi_hardship_claw_back CHECK (claw_back_amount IS NULL OR claw_back_amount > 0)
);
CREATE INDEX zi_hardship_agreement_case ON zi_hardship_agreement (agb_code, contract_year);

-- Physiotherapy behandelindex: the result of a practice's yearly review, kept for the contracting round in which it
-- is weighed (index 2027: contracting 2029, decision treatmentIndexFollowUp). One row per practice and index year; a
-- second review of the same year replaces it.
CREATE TABLE zi_treatment_index_result (
    agb_code                    CHAR(8)       NOT NULL,
    index_year                  INTEGER       NOT NULL,
    weighed_in_contract_year    INTEGER       NOT NULL,
    treatment_index             NUMERIC(8, 2),
    unique_patients             INTEGER,
    assessment                  VARCHAR(30)   NOT NULL,
    result                      VARCHAR(40)   NOT NULL,
    dialogue_summary            VARCHAR(4000),
    trajectory_goals            VARCHAR(4000),
    trajectory_end_date         DATE,
    trajectory_result           VARCHAR(20),
    trajectory_evaluation       VARCHAR(4000),
    process_instance_id         VARCHAR(64)   NOT NULL,
    recorded_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT zi_treatment_index_result_pk PRIMARY KEY (agb_code, index_year),
    CONSTRAINT zi_treatment_index_assessment CHECK (assessment IN ('NO_INDEX_AVAILABLE', 'WITHIN_NORM',
        'DIALOGUE_REQUIRED')),
    CONSTRAINT zi_treatment_index_trajectory CHECK (trajectory_result IS NULL
        OR trajectory_result IN ('IMPROVED', 'NOT_IMPROVED'))
);
CREATE INDEX zi_treatment_index_contracting ON zi_treatment_index_result (weighed_in_contract_year);
