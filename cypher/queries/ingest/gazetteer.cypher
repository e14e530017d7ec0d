// The entities and events the graph knows, for resolving the mentions of a new raw article.
CALL {
  MATCH (n:Entity) WHERE NOT n:Event
  RETURN collect({id: n.id, kind: toLower([l IN labels(n) WHERE l <> 'Entity'][0]), name: n.name,
                  aliases: coalesce(n.aliases, []), type: n.type}) AS entities
}
CALL {
  MATCH (e:Event)
  RETURN collect({id: e.id, type: e.eventType, name: e.name, date: e.date, aliases: coalesce(e.aliases, []),
                  by: [(a)-[:INITIATED]->(e) | a.id], targets: [(e)-[:TARGETS]->(t) | t.id],
                  concerns: [(e)-[:CONCERNS]->(p) | p.id]}) AS events
}
RETURN entities, events
