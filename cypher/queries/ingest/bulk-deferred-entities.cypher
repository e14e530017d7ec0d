// After a bulk load: entity and event properties the import files left out because they hold line breaks,
// set by the entity's id. Returns how many rows found their node, for the caller's check.
UNWIND $rows AS row
MATCH (n:Entity {id: row.ref.id})
SET n += row.properties
RETURN count(n) AS found
