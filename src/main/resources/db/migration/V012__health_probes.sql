-- One row the readiness check rewrites to prove that the database still takes writes.
CREATE TABLE health_probes (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    written_at TEXT    NOT NULL
);
