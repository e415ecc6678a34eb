-- The opportunity log: each stretch a route (arbitrage_routes: pair, exchanges, size) was profitable, from the
-- first poll that saw its net spread above zero to the first poll that no longer did, with its best net spread
-- in ppm (0.0001 %). Written in the poll's own transaction; deleted with the hourly history.
CREATE TABLE arbitrage_episodes (
    id            INTEGER PRIMARY KEY,
    route_id      INTEGER NOT NULL REFERENCES arbitrage_routes (id),
    started_at_ms INTEGER NOT NULL,
    ended_at_ms   INTEGER NOT NULL CHECK (ended_at_ms >= started_at_ms),
    peak_net_ppm  INTEGER NOT NULL CHECK (peak_net_ppm > 0)
);

CREATE INDEX arbitrage_episodes_by_end ON arbitrage_episodes (ended_at_ms);
