// What the graph already holds for an article: its hashes (to skip unchanged input) and its file.
MATCH (a:Article {id: $articleId})
RETURN a.file AS file, a.contentHash AS contentHash, a.annotationHash AS annotationHash
