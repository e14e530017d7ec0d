// The ids of the applied migrations, for the readiness check.
MATCH (m:_Migration)
RETURN collect(m.id) AS ids
