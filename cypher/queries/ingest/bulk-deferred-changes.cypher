// After a bulk load: change-log properties the import files left out because they hold line breaks (an
// article title, say), set by the entry's sequence number. JSON carries it as a float: toInteger finds the
// integer the import stored through the seq constraint's index. Returns how many rows found their entry.
UNWIND $rows AS row
MATCH (n:Change {seq: toInteger(row.ref.seq)})
SET n += row.properties
RETURN count(n) AS found
