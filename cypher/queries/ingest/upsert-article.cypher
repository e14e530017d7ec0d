// Each row carries the article's properties and the keys of the facts it states (for a later retraction).
UNWIND $articles AS article
MERGE (a:Article {id: article.id})
SET a += article, a.ingestedAt = datetime()
