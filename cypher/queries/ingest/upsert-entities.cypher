// The label placeholder is replaced by one of the model's fixed labels by the writer: never by input.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:__LABEL__
SET n.name = row.name,
    n.aliases = reduce(acc = coalesce(n.aliases, []), alias IN row.aliases |
                  CASE WHEN alias IN acc THEN acc ELSE acc + alias END),
    n.type = coalesce(row.type, n.type),
    n.description = coalesce(row.description, n.description),
    n.sources = CASE WHEN $articleId IN coalesce(n.sources, []) THEN n.sources
                     ELSE coalesce(n.sources, []) + $articleId END
