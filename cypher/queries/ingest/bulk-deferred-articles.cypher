// After a bulk load: the article properties the import files left out because they hold line breaks (the
// text, always), set by the article's id. Returns how many rows found their article, for the caller's check.
UNWIND $rows AS row
MATCH (n:Article {id: row.ref.id})
SET n += row.properties
RETURN count(n) AS found
