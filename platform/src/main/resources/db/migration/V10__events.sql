-- Events: seminars, meetings, surgeries and decision days, with registration, a waiting list, attendance at the
-- door, minutes and outcomes afterwards, and private calendar feeds.

CREATE TABLE events (
    id                BIGSERIAL PRIMARY KEY,
    organiser_id      BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('seminar', 'meeting', 'surgery', 'decision_day', 'other')),
    title             TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description       TEXT NOT NULL CHECK (length(description) <= 5000),
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL,
    place_id          BIGINT NOT NULL REFERENCES places(id) ON DELETE RESTRICT,
    venue             TEXT CHECK (length(venue) BETWEEN 1 AND 500),
    online_url        TEXT CHECK (online_url ~ '^https://' AND length(online_url) <= 500),
    capacity          INT CHECK (capacity > 0),
    registration_open BOOLEAN NOT NULL DEFAULT true,
    -- RFC 5545 SEQUENCE: raised on every change calendar programs must pick up (edit, cancellation).
    sequence          INT NOT NULL DEFAULT 0,
    cancelled_at      TIMESTAMPTZ,
    cancel_reason     TEXT CHECK (length(cancel_reason) <= 1000),
    minutes           TEXT CHECK (length(minutes) <= 20000),
    outcomes          TEXT CHECK (length(outcomes) <= 10000),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    CHECK ((venue IS NULL) <> (online_url IS NULL)),
    CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
);
CREATE INDEX events_starts ON events (starts_at, id);
CREATE INDEX events_place_starts ON events (place_id, starts_at);
CREATE INDEX events_organiser ON events (organiser_id);

-- One row per account and event: registered (has a place) or waiting (in id order, first in first promoted).
-- Leaving deletes the row. The event row is locked while places are counted, so capacity is never exceeded.
CREATE TABLE event_registrations (
    id          BIGSERIAL PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    status      TEXT NOT NULL CHECK (status IN ('registered', 'waiting')),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    attended_at TIMESTAMPTZ,
    UNIQUE (event_id, account_id)
);
CREATE INDEX event_registrations_queue ON event_registrations (event_id, status, id);
CREATE INDEX event_registrations_account ON event_registrations (account_id);

-- People who came without registering: a name only, for the count.
CREATE TABLE event_walk_ins (
    id          BIGSERIAL PRIMARY KEY,
    event_id    BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    arrived_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX event_walk_ins_event ON event_walk_ins (event_id, id);

-- Outcomes point at what the event led to (a problem, a proposal ...) by subject key; the owner feature resolves it.
CREATE TABLE event_outcome_links (
    event_id    BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    subject_key TEXT NOT NULL CHECK (subject_key ~ '^[a-z][a-z-]{0,30}:[0-9]+$'),
    PRIMARY KEY (event_id, subject_key)
);

-- A private calendar feed per account: whoever knows the token reads that account's registered events (titles and
-- times only, all public anyway). Kept in clear so the owner can see the address again; revoking deletes it.
CREATE TABLE event_feed_tokens (
    account_id  BIGINT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    token       TEXT NOT NULL UNIQUE CHECK (length(token) >= 32),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
