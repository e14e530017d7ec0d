// The label placeholder is replaced by one of the model's fixed labels by the writer: never by input.
// Which articles mention a node is on its incoming MENTIONS, not on the node: hubs stay one small record.
// MERGE on both labels: an id the graph holds with another kind fails on the entity_id constraint, so a
// batch of articles needs no separate kind check (the writer then retries article by article, with it).
UNWIND $rows AS row
MERGE (n:Entity:__LABEL__ {id: row.id})
SET n.name = row.name,
    n.aliases = reduce(acc = coalesce(n.aliases, []), alias IN row.aliases |
                  CASE WHEN alias IN acc THEN acc ELSE acc + alias END),
    n.type = coalesce(row.type, n.type),
    n.description = coalesce(row.description, n.description)
