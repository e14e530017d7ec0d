// Entities the article no longer mentions and that no article mentions any more go.
UNWIND $previous AS id
MATCH (n:Entity {id: id})
WHERE NOT id IN $current
  AND NOT EXISTS { (:Article)-[:MENTIONS]->(n) }
DETACH DELETE n
