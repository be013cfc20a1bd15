-- One index across every feature's public items (problems, proposals, consultations, events ...). Each feature
-- publishes its items here through SearchIndex; search ranks them together with one GIN-indexed query.
-- unaccent() is only STABLE; a generated column needs IMMUTABLE, so wrap it with the dictionary named.
CREATE FUNCTION search_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE search_documents (
    kind        TEXT   NOT NULL,
    id          BIGINT NOT NULL,
    title       TEXT   NOT NULL,
    body        TEXT   NOT NULL DEFAULT '',
    url         TEXT   NOT NULL,
    place_id    BIGINT REFERENCES places(id) ON DELETE SET NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    document    tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, search_unaccent(title)), 'A') ||
        setweight(to_tsvector('english'::regconfig, search_unaccent(left(body, 100000))), 'B')) STORED,
    PRIMARY KEY (kind, id)
);
CREATE INDEX search_documents_document ON search_documents USING GIN (document);
CREATE INDEX search_documents_title_trgm ON search_documents USING GIN (search_unaccent(lower(title)) gin_trgm_ops);
