// After a retraction: a node that no curated article mentions any more is extracted from now on, so that
// extracted articles may again change it. (Its properties stay as the last writer left them.)
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.origin = 'curated' AND NOT EXISTS { (:Article {origin: 'curated'})-[:MENTIONS]->(n) }
SET n.origin = 'extracted'
