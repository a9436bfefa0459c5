-- PostgreSQL only (H2 has no expression statistics). The managers' board finds a provider by part of its name
-- (LOWER(name) LIKE '%...%', dashboard/DeadlineBoard). Without statistics on LOWER(name) PostgreSQL guesses that a
-- couple of providers match, whatever the text, and for a text that matches thousands it then looks up each one's
-- deadlines along the index instead of reading the deadlines once (docs/performance.md, "The board's reads at once").
-- ANALYZE (autovacuum) fills these statistics.
CREATE STATISTICS zi_provider_lower_name ON (LOWER(name)) FROM zi_provider;
