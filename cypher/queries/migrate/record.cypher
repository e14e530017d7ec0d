// Records one applied migration and the checksum of its file.
MERGE (m:_Migration {id: $id})
SET m.checksum = $checksum, m.appliedAt = datetime()
