// The migrations applied so far, with the checksum of the file each was applied from.
MATCH (m:_Migration)
RETURN m.id AS id, m.checksum AS checksum
