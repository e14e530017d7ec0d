// The label placeholder is replaced by one of the model's fixed labels by the writer: never by input.
// Which articles mention a node is on its incoming MENTIONS, not on the node: hubs stay one small record.
// MERGE on both labels: an id the graph holds with another kind fails on the entity_id constraint, so a
// batch of articles needs no separate kind check (the writer then retries article by article, with it).
// An extracted row never changes a node a curated article declared (its values are kept as claims on its
// MENTIONS); a curated row replaces a node that only extracted articles declared, aliases included.
UNWIND $rows AS row
MERGE (n:Entity:__LABEL__ {id: row.id})
WITH n, row, coalesce(n.origin, row.origin) AS held
WHERE row.origin = 'curated' OR held <> 'curated'
WITH n, row, row.origin = 'curated' AND held <> 'curated' AS takeover
SET n.origin = row.origin,
    n.name = row.name,
    n.aliases = reduce(acc = CASE WHEN takeover THEN [] ELSE coalesce(n.aliases, []) END, alias IN row.aliases |
                  CASE WHEN alias IN acc THEN acc ELSE acc + alias END),
    n.type = CASE WHEN takeover THEN row.type ELSE coalesce(row.type, n.type) END,
    n.description = CASE WHEN takeover THEN row.description ELSE coalesce(row.description, n.description) END
