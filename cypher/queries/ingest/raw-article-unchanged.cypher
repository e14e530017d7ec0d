// Whether a raw article (origin: extracted) is in the graph with this content already, so its extraction is skipped.
MATCH (a:Article {file: $file})
WHERE a.origin = 'extracted'
RETURN a.contentHash = $hash AS same
