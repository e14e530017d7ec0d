// The type placeholder is replaced by one of the model's fixed relationship types: never by input.
// A row is one fact with the quotes of every article of this write that states it (parallel lists).
// Curated and extracted statements of a fact are two relationships, told apart by origin: an extracted
// article adds evidence to, and sets title and dates of, only its own kind, never a curated relationship.
// confidence is the running maximum, computed from the stored one so that no read follows a write of the
// same property (which would make Neo4j materialize every row first).
UNWIND $rows AS row
MATCH (x:Entity {id: row.from})
MATCH (y:Entity {id: row.to})
MERGE (x)-[r:__TYPE__ {key: row.key, origin: row.origin}]->(y)
SET r.title = row.title,
    r.start = row.start,
    r.end = row.end,
    r.evidenceArticles = coalesce(r.evidenceArticles, []) + row.articles,
    r.evidenceQuotes = coalesce(r.evidenceQuotes, []) + row.quotes,
    r.evidenceConfidence = coalesce(r.evidenceConfidence, []) + row.confidences,
    r.sources = coalesce(r.sources, []) + row.sources,
    r.confidence = reduce(m = coalesce(r.confidence, 0.0), c IN row.confidences | CASE WHEN c > m THEN c ELSE m END)
