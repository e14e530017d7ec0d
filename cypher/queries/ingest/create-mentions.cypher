// Mentions of articles that are new to the graph (the writer checked it in this transaction): they have no
// MENTIONS yet, and an annotation declares each id once, so CREATE is exact and saves MERGE's lookup.
UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (n:Entity {id: m.id})
CREATE (a)-[:MENTIONS {quote: m.quote}]->(n)
