-- Limits that must hold across several instances on one PostgreSQL (issue 14); a single SQLite instance keeps
-- them in memory and leaves these tables empty.
-- One row per limit and key (a client address, an account, both): the theoretical arrival time of the key's
-- next event in epoch nanoseconds (a token bucket in one number); 0, a time long past, is a full bucket.
CREATE TABLE rate_limits (
    limiter  TEXT   NOT NULL,
    rate_key TEXT   NOT NULL,
    tat      BIGINT NOT NULL,
    PRIMARY KEY (limiter, rate_key)
);

-- The jti of every socket token used, until the token expires: a token opens one socket, on any instance.
CREATE TABLE used_socket_tokens (
    jti           TEXT   NOT NULL PRIMARY KEY,
    expires_at_ms BIGINT NOT NULL
);
CREATE INDEX used_socket_tokens_by_expiry ON used_socket_tokens (expires_at_ms);
