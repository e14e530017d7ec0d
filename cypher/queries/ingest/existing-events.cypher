// The graph's events of these ids that some article still mentions, with their initiators and targets, for
// the agreement check of an extracted article's events (event-agreement.ts). An event no article mentions
// is the leftover of a retraction in this transaction and about to be swept: it is free to take.
UNWIND $ids AS id
MATCH (e:Event {id: id})
WHERE EXISTS { (:Article)-[:MENTIONS]->(e) }
RETURN e.id AS id, e.eventType AS eventType, e.date AS date,
       [(x:Entity)-[:INITIATED]->(e) | x.id] + [(e)-[:TARGETS]->(t:Entity) | t.id] AS parties
