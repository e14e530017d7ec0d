// The Article node of a retracted article, once its facts and mentions are gone.
MATCH (a:Article {id: $articleId})
DETACH DELETE a
