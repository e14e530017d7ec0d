// The availability probe of Database (src/core/database.ts) behind /readyz and the fast failure of reads
// while the database is down: does it answer at all.
RETURN 1 AS ok
