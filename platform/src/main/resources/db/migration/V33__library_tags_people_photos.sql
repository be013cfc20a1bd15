-- The library's second part (issue #13): free tags, people named with their consent (in a story, or nominated for an
-- award), photos with alt text and documents as links.

-- Purposes follow Participedia's list: "plan or design" is not one of its purposes (planning is an approach there), and
-- "influence private organisations" is. Stories that said "plan" were about influencing public decisions.
UPDATE library_stories SET purpose = 'influence_decisions' WHERE purpose = 'plan';

-- Free tags besides the theme: lower-case, trimmed, at most 30 characters (letters, digits, spaces and hyphens, which the
-- service checks in Unicode terms).
CREATE TABLE library_story_tags (
    story_id  BIGINT NOT NULL REFERENCES library_stories(id) ON DELETE CASCADE,
    tag       TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 30 AND tag = lower(btrim(tag))),
    PRIMARY KEY (story_id, tag)
);
CREATE INDEX library_story_tags_tag ON library_story_tags (tag);

-- A person named in a story or nominated in an award round, by email address (as groups invite: the address is matched
-- to an account when its owner signs in, so naming someone reveals nothing about who has an account). Their name shows
-- only while they say yes; they may say no, or withdraw a yes, at any time.
CREATE TABLE library_named_people (
    id           BIGSERIAL PRIMARY KEY,
    story_id     BIGINT REFERENCES library_stories(id) ON DELETE CASCADE,
    round_id     BIGINT REFERENCES award_rounds(id) ON DELETE CASCADE,
    email        TEXT NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
    consent      TEXT NOT NULL DEFAULT 'asked' CHECK (consent IN ('asked', 'given', 'refused')),
    asked_by     BIGINT REFERENCES accounts(id) ON DELETE SET NULL,
    asked_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    answered_at  TIMESTAMPTZ,
    CHECK ((story_id IS NULL) <> (round_id IS NULL))
);
CREATE UNIQUE INDEX library_named_people_story ON library_named_people (story_id, email) WHERE story_id IS NOT NULL;
CREATE UNIQUE INDEX library_named_people_round ON library_named_people (round_id, email) WHERE round_id IS NOT NULL;
CREATE INDEX library_named_people_email ON library_named_people (email);

-- Residents nominate a volunteer (a person, by email) as well as a group; awards go to either.
ALTER TABLE award_nominations ALTER COLUMN group_id DROP NOT NULL,
    ADD COLUMN person_email TEXT CHECK (person_email IS NULL OR (person_email = lower(person_email) AND length(person_email) BETWEEN 3 AND 320)),
    ADD CHECK ((group_id IS NULL) <> (person_email IS NULL));
ALTER TABLE awards DROP CONSTRAINT awards_pkey, ALTER COLUMN group_id DROP NOT NULL,
    ADD COLUMN id BIGSERIAL PRIMARY KEY,
    ADD COLUMN person_email TEXT CHECK (person_email IS NULL OR person_email = lower(person_email)),
    ADD CHECK ((group_id IS NULL) <> (person_email IS NULL));
CREATE UNIQUE INDEX awards_round_group ON awards (round_id, group_id) WHERE group_id IS NOT NULL;
CREATE UNIQUE INDEX awards_round_person ON awards (round_id, person_email) WHERE person_email IS NOT NULL;

-- Photos as evidence, checked by their first bytes, with alt text; documents as links with titles.
CREATE TABLE library_story_photos (
    id            BIGSERIAL PRIMARY KEY,
    story_id      BIGINT NOT NULL REFERENCES library_stories(id) ON DELETE CASCADE,
    content_type  TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    alt_text      TEXT NOT NULL CHECK (length(alt_text) BETWEEN 1 AND 500),
    bytes         BYTEA NOT NULL CHECK (length(bytes) <= 5242880),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX library_story_photos_story ON library_story_photos (story_id);

CREATE TABLE library_story_links (
    id        BIGSERIAL PRIMARY KEY,
    story_id  BIGINT NOT NULL REFERENCES library_stories(id) ON DELETE CASCADE,
    title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    url       TEXT NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000)
);
CREATE INDEX library_story_links_story ON library_story_links (story_id);
