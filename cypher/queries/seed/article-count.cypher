// How many articles the graph holds: none means a new database, which the service seeds with the sample corpus.
MATCH (a:Article)
RETURN count(a) AS n
