// What the change log says of an article that is about to be retracted (articles before 004 have no origin).
MATCH (a:Article {id: $articleId})
RETURN a.title AS title, coalesce(a.origin, 'curated') AS origin, a.published AS published
