// One record per applied migration, made unique before any is read or written.
CREATE CONSTRAINT migration_id IF NOT EXISTS FOR (m:_Migration) REQUIRE m.id IS UNIQUE
