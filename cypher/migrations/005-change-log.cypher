// The change log that API replicas follow for live updates (docs/live-updates.md). One counter node hands out
// sequence numbers; its uniqueness lets concurrent writers MERGE it without making two.
CREATE CONSTRAINT change_counter_id IF NOT EXISTS FOR (k:ChangeCounter) REQUIRE k.id IS UNIQUE;
// A sequence number is never given twice (a second writer with the same one fails and is retried), and the
// constraint's index serves the followers' `seq > $after ORDER BY seq` pages.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
// Retention prunes by age.
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
