-- PostgreSQL form of db/migration/V012: BIGINT id.
-- One row the readiness check rewrites to prove that the database still takes writes.
CREATE TABLE health_probes (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    written_at TEXT    NOT NULL
);
