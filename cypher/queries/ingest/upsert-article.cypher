MERGE (a:Article {id: $article.id})
SET a += $article, a.factKeys = $factKeys, a.ingestedAt = datetime()
