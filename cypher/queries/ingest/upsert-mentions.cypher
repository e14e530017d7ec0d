MATCH (a:Article {id: $articleId})
UNWIND $mentions AS m
MATCH (n:Entity {id: m.id})
MERGE (a)-[r:MENTIONS]->(n)
SET r.quote = m.quote
