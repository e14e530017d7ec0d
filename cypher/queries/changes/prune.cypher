// Retention: deletes at most $limit entries older than $olderThanMs, oldest first; followers call it again
// while it deletes a full batch. The counter stays, so sequence numbers never restart.
MATCH (c:Change) WHERE c.at < datetime() - duration({milliseconds: toInteger($olderThanMs)})
WITH c ORDER BY c.at LIMIT toInteger($limit)
DELETE c
RETURN count(*) AS deleted
