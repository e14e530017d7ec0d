// The readiness probe's first question: does the database answer at all.
RETURN 1 AS ok
