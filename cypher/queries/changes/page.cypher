// The next entries after a follower's last one, oldest first, and the counter's value: a head below the
// follower's position means the log was reset (the graph wiped), and the follower starts again from zero.
// The driver sends JS numbers as floats; LIMIT and the index want integers.
OPTIONAL MATCH (k:ChangeCounter {id: 'change-log'})
CALL (k) {
  MATCH (c:Change) WHERE c.seq > toInteger($after)
  WITH c ORDER BY c.seq LIMIT toInteger($limit)
  RETURN collect(c {.seq, at: toString(c.at), .kind, .articleId, .title, .origin, .published, .entityIds}) AS changes
}
RETURN coalesce(k.seq, 0) AS head, changes
