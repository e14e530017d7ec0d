// Entities this article declares that already exist in the graph with another kind.
UNWIND $declared AS d
MATCH (n:Entity {id: d.id})
WHERE NOT d.label IN labels(n)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS existing, d.label AS wanted
