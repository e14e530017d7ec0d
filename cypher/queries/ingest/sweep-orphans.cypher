// Entities the article no longer mentions lose it as a source; those no article mentions any more go.
UNWIND $previous AS id
MATCH (n:Entity {id: id})
WHERE NOT id IN $current
SET n.sources = [s IN coalesce(n.sources, []) WHERE s <> $articleId]
WITH n
WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(n) }
DETACH DELETE n
