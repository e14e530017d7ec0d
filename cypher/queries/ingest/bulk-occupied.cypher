// Whether a database may take a bulk load: it must hold nothing but the migrations' records.
MATCH (n)
WHERE NOT n:_Migration
RETURN count(n) AS nodes
