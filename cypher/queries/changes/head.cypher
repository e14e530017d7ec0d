// The last sequence number handed out (0 before the first write): a new follower starts after it.
OPTIONAL MATCH (k:ChangeCounter {id: 'change-log'})
RETURN coalesce(k.seq, 0) AS head
