// The health query: the kernel's version and edition, and how many nodes and relationships the database holds.
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
CALL { MATCH (n) RETURN count(n) AS nodes }
CALL { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN versions[0] AS version, edition, nodes, rels
