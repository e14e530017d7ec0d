// Appends change entries inside the writer's transaction. The SET reads the counter in its own right-hand
// side, so Neo4j write-locks the counter before reading it: writers queue here until the one ahead commits,
// which makes the sequence numbers strictly increasing in commit order, without gaps.
MERGE (k:ChangeCounter {id: 'change-log'})
  ON CREATE SET k.seq = 0
SET k.seq = k.seq + size($changes)
WITH k.seq - size($changes) AS base
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS seq, $changes[i] AS change
CREATE (c:Change {
  seq: seq,
  at: datetime(),
  kind: change.kind,
  articleId: change.articleId,
  title: change.title,
  origin: change.origin,
  published: change.published,
  entityIds: change.entityIds
})
RETURN c.seq AS seq
