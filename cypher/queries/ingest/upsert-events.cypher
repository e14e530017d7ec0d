// MERGE on both labels, as upsert-entities does.
UNWIND $rows AS row
MERGE (e:Entity:Event {id: row.id})
SET e.name = row.name,
    e.aliases = reduce(acc = coalesce(e.aliases, []), alias IN row.aliases |
                  CASE WHEN alias IN acc THEN acc ELSE acc + alias END),
    e.eventType = row.eventType,
    e.date = coalesce(row.date, e.date),
    e.datePrecision = coalesce(row.datePrecision, e.datePrecision),
    e.summary = coalesce(row.summary, e.summary)
