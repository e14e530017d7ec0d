// Full-text search over names and aliases (aliases is a list property), for search() and fuzzy lookups.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
