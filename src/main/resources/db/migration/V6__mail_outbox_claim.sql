-- Several application nodes send the one outbox: a node claims a mail for a while before it sends it, so no mail
-- goes out twice because two nodes picked it at the same moment. A claim that outlives its node simply expires.
ALTER TABLE zi_mail_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
