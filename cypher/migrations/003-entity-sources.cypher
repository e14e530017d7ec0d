// Which articles mention an entity is read from its incoming MENTIONS; the copy on the node (a list every
// article appended to, so hubs were rewritten in full by each article) is no longer kept.
MATCH (n:Entity) WHERE n.sources IS NOT NULL REMOVE n.sources;
