// Takes an article's earlier evidence out of every fact it contributed; a fact left with no source goes.
MATCH (a:Article {id: $articleId})
UNWIND coalesce(a.factKeys, []) AS key
WITH key, split(key, '|') AS part
MATCH (x:Entity {id: part[1]})-[r]->(y:Entity {id: part[2]})
WHERE r.key = key
WITH r, [i IN range(0, size(r.evidenceArticles) - 1) WHERE r.evidenceArticles[i] <> $articleId] AS keep
WITH r,
     [i IN keep | r.evidenceArticles[i]] AS articles,
     [i IN keep | r.evidenceQuotes[i]] AS quotes,
     [i IN keep | r.evidenceConfidence[i]] AS confidences
SET r.evidenceArticles = articles,
    r.evidenceQuotes = quotes,
    r.evidenceConfidence = confidences,
    r.sources = [s IN r.sources WHERE s <> $articleId],
    r.confidence = reduce(m = 0.0, c IN confidences | CASE WHEN c > m THEN c ELSE m END)
WITH r WHERE size(r.sources) = 0
DELETE r
