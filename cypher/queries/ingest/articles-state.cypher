// What the graph already holds for these articles: their hashes (to skip unchanged input), their files, and
// whether they carry their text (articles written before the text was stored are written again once).
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.file AS file, a.contentHash AS contentHash, a.annotationHash AS annotationHash,
       a.text IS NOT NULL AS hasText
