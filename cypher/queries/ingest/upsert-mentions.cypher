UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (n:Entity {id: m.id})
MERGE (a)-[r:MENTIONS]->(n)
SET r.quote = m.quote
