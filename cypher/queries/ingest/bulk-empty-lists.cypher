// After a bulk load: the list properties the online loader always sets, set to [] where the importer left
// them out (its CSV syntax has no spelling for an empty list, and it reads "" as no value).
CALL () {
  MATCH (n:Entity) WHERE n.aliases IS NULL
  SET n.aliases = []
}
CALL () {
  MATCH (a:Article) WHERE a.factKeys IS NULL
  SET a.factKeys = []
}
CALL () {
  MATCH (c:Change) WHERE c.entityIds IS NULL
  SET c.entityIds = []
}
