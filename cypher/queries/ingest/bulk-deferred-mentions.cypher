// After a bulk load: claim properties of MENTIONS the import files left out because they hold line breaks (a
// quote, say), set by the article and the entity (an article mentions an entity once). Returns how many rows
// found their relationship, for the caller's check.
UNWIND $rows AS row
MATCH (:Article {id: row.ref.article})-[m:MENTIONS]->(:Entity {id: row.ref.id})
SET m += row.properties
RETURN count(m) AS found
