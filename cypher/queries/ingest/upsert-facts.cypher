// The type placeholder is replaced by one of the model's fixed relationship types: never by input.
UNWIND $rows AS row
MATCH (x:Entity {id: row.from})
MATCH (y:Entity {id: row.to})
MERGE (x)-[r:__TYPE__ {key: row.key}]->(y)
WITH r, row,
     coalesce(r.evidenceConfidence, []) + row.confidences AS confidences
SET r.title = row.title,
    r.start = row.start,
    r.end = row.end,
    r.evidenceArticles = coalesce(r.evidenceArticles, []) + [q IN row.quotes | $articleId],
    r.evidenceQuotes = coalesce(r.evidenceQuotes, []) + row.quotes,
    r.evidenceConfidence = confidences,
    r.sources = coalesce(r.sources, []) + $articleId,
    r.confidence = reduce(m = 0.0, c IN confidences | CASE WHEN c > m THEN c ELSE m END)
