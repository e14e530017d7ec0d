// As create-mentions, for an article the graph may hold already.
UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (n:Entity {id: m.id})
MERGE (a)-[r:MENTIONS]->(n)
SET r = m.claim
