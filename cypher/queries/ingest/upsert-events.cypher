// MERGE on both labels, and the same rule of origins, as upsert-entities does: an extracted row never
// changes an event a curated article declared; a curated row replaces one only extracted articles declared.
// Whether an extracted article's event may share an id with the graph's was decided before (event-agreement.ts).
UNWIND $rows AS row
MERGE (e:Entity:Event {id: row.id})
WITH e, row, coalesce(e.origin, row.origin) AS held
WHERE row.origin = 'curated' OR held <> 'curated'
WITH e, row, row.origin = 'curated' AND held <> 'curated' AS takeover
SET e.origin = row.origin,
    e.name = row.name,
    e.aliases = reduce(acc = CASE WHEN takeover THEN [] ELSE coalesce(e.aliases, []) END, alias IN row.aliases |
                  CASE WHEN alias IN acc THEN acc ELSE acc + alias END),
    e.eventType = row.eventType,
    e.date = CASE WHEN takeover THEN row.date ELSE coalesce(row.date, e.date) END,
    e.datePrecision = CASE WHEN takeover THEN row.datePrecision ELSE coalesce(row.datePrecision, e.datePrecision) END,
    e.summary = CASE WHEN takeover THEN row.summary ELSE coalesce(row.summary, e.summary) END
