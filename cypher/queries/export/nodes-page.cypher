// One page of the whole-graph export's entities: the next $pageSize by id after the cursor $after ('' for
// the first page). The entity_id constraint's index serves both the range and the order.
MATCH (n:Entity)
WHERE n.id > $after
WITH n
ORDER BY n.id
LIMIT $pageSize
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases,
       coalesce(n.origin, 'curated') AS origin, CASE WHEN n:Event THEN n.date END AS date
