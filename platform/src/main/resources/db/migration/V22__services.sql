-- The services directory: what groups offer residents, shaped after Open Referral UK 3.0 (a profile of HSDS 3.0) so
-- the read API at /api/openreferral is a straight mapping. Every row keeps the ORUK id (a UUID) it is published
-- under; an import keeps the feed's ids, so a second import of the same feed updates rather than duplicates.
-- Groups are another feature's: services name theirs by id and ask the Groups service about it (no foreign key).
-- A service's own parts (schedules, locations, languages ...) keep their feed ids too, but are never looked up by
-- them, so they need not be unique: two services of a feed may share a location. A service_at_location is looked up
-- by id (/service_at_locations/{id}), so that id is unique.
-- No table names an account: who created, edited or reviewed a service is in the audit log.

-- The ORUK id a group is published under as an "organization" (an imported organization keeps its own).
CREATE TABLE service_providers (
    group_id    BIGINT PRIMARY KEY,
    oruk_id     UUID NOT NULL UNIQUE
);

CREATE TABLE service_taxonomies (
    id          BIGSERIAL PRIMARY KEY,
    oruk_id     UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    uri         TEXT CHECK (length(uri) <= 500),
    version     TEXT CHECK (length(version) <= 50)
);

-- parent_oruk_id and taxonomy_oruk_id are kept as the feed gave them: a feed may name a parent or a taxonomy it
-- does not carry (the ORUK example does), which is not a reason to refuse the term.
CREATE TABLE service_taxonomy_terms (
    id               BIGSERIAL PRIMARY KEY,
    oruk_id          UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    taxonomy_id      BIGINT REFERENCES service_taxonomies(id) ON DELETE SET NULL,
    taxonomy_oruk_id UUID,
    taxonomy_name    TEXT CHECK (length(taxonomy_name) <= 200),
    parent_oruk_id   UUID,
    code             TEXT CHECK (length(code) <= 200),
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    term_uri         TEXT CHECK (length(term_uri) <= 500)
);
CREATE INDEX service_taxonomy_terms_taxonomy ON service_taxonomy_terms (taxonomy_id);

-- state is the moderation state: pending (new, not public), published, withdrawn (by an officer, with a reason).
-- needs_review marks what officers have still to look at: a new service, or a published one changed since review.
-- status is ORUK's: whether the service runs (active, inactive, defunct, temporarily closed).
CREATE TABLE services (
    id                  BIGSERIAL PRIMARY KEY,
    oruk_id             UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    group_id            BIGINT NOT NULL,
    name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description         TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    url                 TEXT CHECK (length(url) <= 500),
    email               TEXT CHECK (length(email) <= 320),
    phone               TEXT CHECK (length(phone) <= 50),
    eligibility         TEXT NOT NULL DEFAULT '' CHECK (length(eligibility) <= 2000),
    minimum_age         INT CHECK (minimum_age BETWEEN 0 AND 150),
    maximum_age         INT CHECK (maximum_age BETWEEN 0 AND 150),
    application_process TEXT NOT NULL DEFAULT '' CHECK (length(application_process) <= 2000),
    fees_description    TEXT NOT NULL DEFAULT '' CHECK (length(fees_description) <= 1000),
    accreditations      TEXT NOT NULL DEFAULT '' CHECK (length(accreditations) <= 1000),
    alert               TEXT NOT NULL DEFAULT '' CHECK (length(alert) <= 1000),
    state               TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'published', 'withdrawn')),
    needs_review        BOOLEAN NOT NULL DEFAULT true,
    withdrawn_reason    TEXT CHECK (length(withdrawn_reason) BETWEEN 1 AND 1000),
    assured_date        DATE,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_modified       TIMESTAMPTZ NOT NULL DEFAULT now(),
    search              tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, search_unaccent(name)), 'A') ||
        setweight(to_tsvector('english'::regconfig, search_unaccent(left(description || ' ' || eligibility || ' ' || application_process, 20000))), 'B')) STORED,
    CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
    CHECK ((state = 'withdrawn') = (withdrawn_reason IS NOT NULL))
);
CREATE INDEX services_published ON services (id) WHERE state = 'published';
-- The directory and the API list published services by name: read in that order, a page stops at its last row.
CREATE INDEX services_published_name ON services (name, id) WHERE state = 'published';
CREATE INDEX services_group ON services (group_id, id);
CREATE INDEX services_review ON services (last_modified) WHERE needs_review;
CREATE INDEX services_search ON services USING GIN (search);

-- A location is the service's own (ORUK shares locations between services; here each service lists where it is
-- offered, which is what service_at_location expresses), with its address, its place in the places tree and how
-- accessible it is.
CREATE TABLE service_locations (
    id                    BIGSERIAL PRIMARY KEY,
    service_id            BIGINT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    oruk_id               UUID NOT NULL DEFAULT gen_random_uuid(),
    at_oruk_id            UUID NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    location_type         TEXT NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
    name                  TEXT CHECK (length(name) <= 200),
    description           TEXT CHECK (length(description) <= 2000),
    place_id              BIGINT REFERENCES places(id) ON DELETE SET NULL,
    latitude              DOUBLE PRECISION,
    longitude             DOUBLE PRECISION,
    address_oruk_id       UUID NOT NULL DEFAULT gen_random_uuid(),
    address_1             TEXT CHECK (length(address_1) <= 200),
    address_2             TEXT CHECK (length(address_2) <= 200),
    city                  TEXT CHECK (length(city) <= 100),
    region                TEXT CHECK (length(region) <= 100),
    postal_code           TEXT CHECK (length(postal_code) <= 20),
    country               TEXT CHECK (length(country) <= 2),
    accessibility_oruk_id UUID NOT NULL DEFAULT gen_random_uuid(),
    accessibility         TEXT CHECK (length(accessibility) <= 2000)
);
CREATE INDEX service_locations_service ON service_locations (service_id, id);
CREATE INDEX service_locations_place ON service_locations (place_id, service_id);

-- Regular opening times, as RFC 5545 recurrence parts the way ORUK carries them (byday as MO..SU), in Europe/London.
CREATE TABLE service_schedules (
    id           BIGSERIAL PRIMARY KEY,
    service_id   BIGINT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    location_id  BIGINT REFERENCES service_locations(id) ON DELETE CASCADE,
    oruk_id      UUID NOT NULL DEFAULT gen_random_uuid(),
    freq         TEXT NOT NULL DEFAULT 'WEEKLY' CHECK (freq IN ('WEEKLY', 'MONTHLY')),
    interval     INT NOT NULL DEFAULT 1 CHECK (interval BETWEEN 1 AND 52),
    byday        TEXT[] NOT NULL DEFAULT '{}' CHECK (byday <@ ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']),
    bymonthday   TEXT CHECK (length(bymonthday) <= 100),
    opens_at     TIME,
    closes_at    TIME,
    valid_from   DATE,
    valid_to     DATE,
    dtstart      DATE,
    description  TEXT CHECK (length(description) <= 1000),
    notes        TEXT CHECK (length(notes) <= 1000),
    CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at <> closes_at)
);
CREATE INDEX service_schedules_service ON service_schedules (service_id);
CREATE INDEX service_schedules_day ON service_schedules USING GIN (byday);

CREATE TABLE service_languages (
    id          BIGSERIAL PRIMARY KEY,
    service_id  BIGINT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    oruk_id     UUID NOT NULL DEFAULT gen_random_uuid(),
    code        TEXT CHECK (code ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    name        TEXT CHECK (length(name) <= 100)
);
CREATE INDEX service_languages_service ON service_languages (service_id, id);

-- Amount in pounds as ORUK carries it (0 for a free option); the pages format it as money.
CREATE TABLE service_cost_options (
    id                 BIGSERIAL PRIMARY KEY,
    service_id         BIGINT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    oruk_id            UUID NOT NULL DEFAULT gen_random_uuid(),
    option             TEXT CHECK (length(option) <= 200),
    amount             NUMERIC(12, 2) CHECK (amount >= 0),
    amount_description TEXT CHECK (length(amount_description) <= 500),
    valid_from         DATE,
    valid_to           DATE
);
CREATE INDEX service_cost_options_service ON service_cost_options (service_id, id);

-- People to ask at the service: public contact details the group chose to publish.
CREATE TABLE service_contacts (
    id          BIGSERIAL PRIMARY KEY,
    service_id  BIGINT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    oruk_id     UUID NOT NULL DEFAULT gen_random_uuid(),
    name        TEXT CHECK (length(name) <= 200),
    title       TEXT CHECK (length(title) <= 200),
    phone       TEXT CHECK (length(phone) <= 50),
    phone_oruk_id UUID NOT NULL DEFAULT gen_random_uuid()
);
CREATE INDEX service_contacts_service ON service_contacts (service_id, id);

-- A service's taxonomy terms (ORUK "attributes" linking a service to a term).
CREATE TABLE service_terms (
    service_id  BIGINT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    term_id     BIGINT NOT NULL REFERENCES service_taxonomy_terms(id) ON DELETE CASCADE,
    oruk_id     UUID NOT NULL DEFAULT gen_random_uuid(),
    PRIMARY KEY (service_id, term_id)
);
CREATE INDEX service_terms_term ON service_terms (term_id, service_id);
