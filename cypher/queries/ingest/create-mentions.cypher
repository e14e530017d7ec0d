// Mentions of articles that are new to the graph (the writer checked it in this transaction): they have no
// MENTIONS yet, and an annotation declares each id once, so CREATE is exact and saves MERGE's lookup.
// The claim is the mention's quote and the values the article gives the node (null ones are not stored).
UNWIND $mentions AS m
MATCH (a:Article {id: m.article})
MATCH (n:Entity {id: m.id})
CREATE (a)-[r:MENTIONS]->(n)
SET r = m.claim
