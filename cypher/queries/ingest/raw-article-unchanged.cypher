// Whether a raw article (origin: extracted) is in the graph with this content (and its text) already, so its
// extraction is skipped.
MATCH (a:Article {file: $file})
WHERE a.origin = 'extracted'
RETURN a.contentHash = $hash AND a.text IS NOT NULL AS same
