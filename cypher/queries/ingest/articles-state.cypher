// What the graph already holds for these articles: their hashes (to skip unchanged input) and their files.
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.file AS file, a.contentHash AS contentHash, a.annotationHash AS annotationHash
