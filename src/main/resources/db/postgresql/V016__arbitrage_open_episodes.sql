-- PostgreSQL form of db/migration/V016: BIGINT numbers.
-- The opportunity log's episodes still going on, one row per route (arbitrage_routes), so a restart does not lose
-- them: written in each poll's own transaction (started, last seen, best net spread in ppm = 0.0001 %) and
-- deleted in the transaction that stores the ended episode in arbitrage_episodes.
CREATE TABLE arbitrage_open_episodes (
    route_id        BIGINT NOT NULL PRIMARY KEY REFERENCES arbitrage_routes (id),
    started_at_ms   BIGINT NOT NULL,
    last_seen_at_ms BIGINT NOT NULL CHECK (last_seen_at_ms >= started_at_ms),
    peak_net_ppm    BIGINT NOT NULL CHECK (peak_net_ppm > 0)
);
