// Removes an article's MENTIONS and returns the ids it mentioned, for the orphan sweep at the end.
MATCH (a:Article {id: $articleId})-[m:MENTIONS]->(n:Entity)
WITH collect(n.id) AS previous, collect(m) AS old
FOREACH (m IN old | DELETE m)
RETURN previous
