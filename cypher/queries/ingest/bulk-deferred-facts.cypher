// After a bulk load: fact properties the import files left out because they hold line breaks (a quote in the
// evidence, say), set on the relationship found by what upsert-facts merges on: endpoints, type, key, origin.
// The type placeholder is replaced by one of the model's fixed relationship types: never by input.
// Returns how many rows found their relationship, for the caller's check.
UNWIND $rows AS row
MATCH (:Entity {id: row.ref.from})-[r:__TYPE__ {key: row.ref.key, origin: row.ref.origin}]->(:Entity {id: row.ref.to})
SET r += row.properties
RETURN count(r) AS found
