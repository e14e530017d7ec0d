// One page of the whole-graph export's fact edges: those starting at the next $pageSize entities by id after
// the cursor $after ('' for the first page), with `last`, the id the next page starts after (null when no
// entity is left). As in the API, the relationships of one fact (curated, extracted; same key) are one edge:
// its head answers type and origin, all of them its sources and evidence, curated first. Each evidence entry
// pairs evidenceQuotes[i] with the article evidenceArticles[i], looked up by its unique id.
MATCH (a:Entity)
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $pageSize
WITH collect(a) AS starts
RETURN
  CASE WHEN size(starts) = 0 THEN null ELSE starts[size(starts) - 1].id END AS last,
  COLLECT {
    UNWIND starts AS a
    MATCH (a)-[r]->(b:Entity)
    WHERE type(r) IN $types
    WITH a, b, coalesce(r.key, elementId(r)) AS fact, collect(r) AS facts
    WITH a, b,
         [c IN facts WHERE coalesce(c.origin, 'curated') = 'curated'] +
         [e IN facts WHERE coalesce(e.origin, 'curated') <> 'curated'] AS rels
    RETURN {
      type: type(head(rels)),
      from: a.id,
      to: b.id,
      origin: coalesce(head(rels).origin, 'curated'),
      sources: reduce(all = [], x IN rels | all + coalesce(x.sources, [])),
      evidence: reduce(all = [], x IN rels | all + [i IN range(0, size(coalesce(x.evidenceQuotes, [])) - 1) | {
        quote: x.evidenceQuotes[i],
        confidence: x.evidenceConfidence[i],
        articleId: x.evidenceArticles[i],
        origin: coalesce(x.origin, 'curated'),
        article: head(COLLECT {
          MATCH (art:Article {id: x.evidenceArticles[i]})
          RETURN art {.title, .url, .published, origin: coalesce(art.origin, 'curated')}
        })
      }])
    }
  } AS edges
