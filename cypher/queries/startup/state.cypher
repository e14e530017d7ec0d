// What a start needs to know, in one read: the migrations applied so far with the checksum of the file each was
// applied from, and whether the graph holds an article (none: the service seeds the sample corpus).
OPTIONAL MATCH (m:_Migration)
WITH [r IN collect(m) | {id: r.id, checksum: r.checksum}] AS recorded
RETURN recorded, EXISTS { MATCH (:Article) } AS hasArticles
