-- Spread history of the arbitrage scanner. A route is one pair, buy exchange, sell exchange and trade size;
-- its rows are kept at three resolutions (tiers): 0 = every poll, 1 = one-minute buckets, 2 = hourly
-- buckets. Spreads are INTEGER parts per million of the price (1 ppm = 0.0001 %, the engine's scale, so
-- nothing is rounded); a bucket keeps sums and a sample count so that merging buckets stays exact.
CREATE TABLE arbitrage_routes (
    id            INTEGER PRIMARY KEY,
    pair          TEXT NOT NULL,
    buy_exchange  TEXT NOT NULL,
    sell_exchange TEXT NOT NULL,
    size_usd_text TEXT NOT NULL,
    UNIQUE (pair, buy_exchange, sell_exchange, size_usd_text)
);

CREATE TABLE arbitrage_history (
    route_id           INTEGER NOT NULL REFERENCES arbitrage_routes (id),
    tier               INTEGER NOT NULL CHECK (tier IN (0, 1, 2)),
    bucket_ms          INTEGER NOT NULL,
    samples            INTEGER NOT NULL CHECK (samples > 0),
    gross_ppm_sum      INTEGER NOT NULL,
    net_ppm_sum        INTEGER NOT NULL,
    net_ppm_max        INTEGER NOT NULL,
    profitable_samples INTEGER NOT NULL,
    PRIMARY KEY (route_id, tier, bucket_ms)
) WITHOUT ROWID;

-- the compactor rolls up and prunes by age, oldest first
CREATE INDEX arbitrage_history_by_age ON arbitrage_history (tier, bucket_ms);
