// Curated facts are never changed by extracted ones (docs/provenance.md): nodes and fact relationships carry
// the origin of what declared them. A node any curated article mentions is curated; a relationship any
// curated article states is curated (one that both kinds stated before this migration stays one, curated).
MATCH (n:Entity) WHERE n.origin IS NULL
SET n.origin = CASE WHEN EXISTS { (a:Article)-[:MENTIONS]->(n) WHERE coalesce(a.origin, 'curated') = 'curated' }
                    THEN 'curated' ELSE 'extracted' END;
MATCH (:Entity)-[r]->(:Entity) WHERE r.key IS NOT NULL AND r.origin IS NULL
SET r.origin = CASE WHEN EXISTS { MATCH (a:Article) WHERE a.id IN r.sources AND coalesce(a.origin, 'curated') = 'curated' }
                    THEN 'curated' ELSE 'extracted' END;
