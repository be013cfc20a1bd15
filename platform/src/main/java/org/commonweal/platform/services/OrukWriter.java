package org.commonweal.platform.services;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes ORUK JSON as it is read: each row's JSON (built by PostgreSQL, see {@link OrukJson}) gets its organization and
 * goes straight to the response through Jackson's generator, so a page or the whole export of every service never sits
 * in memory (JDBI streams the rows with a fetch size). Organizations are asked of the Groups service once per group per
 * response.
 */
final class OrukWriter {
    /** Rows fetched from PostgreSQL at a time while streaming. */
    static final int FETCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;
    private final Providers providers;

    OrukWriter(Jdbi jdbi, Providers providers) {
        this.jdbi = jdbi;
        this.providers = providers;
    }

    /**
     * Where a row's organization goes: into the row (a service), into its nested "service" (a service_at_location), nowhere
     * (taxonomies), or the row is the organization (the organizations list).
     */
    enum OrganizationAt { ROW, SERVICE, NONE, IS_ROW }

    /**
     * What a list reads: {@code from} (tables and a WHERE condition), its order, the key that names a row, the column
     * holding the row's group id, and the row's JSON expression.
     */
    record Listing(String from, String order, String key, String groupColumn, String json) {
        String count() {
            return "SELECT count(*) " + from;
        }

        /**
         * The page's rows: the keys are paged first and the JSON built only for the rows kept (an OFFSET would otherwise
         * build every skipped row's JSON too).
         */
        String page() {
            return "SELECT " + groupColumn + " AS group_id, " + json + " AS json " + from + " AND " + key + " IN (SELECT " + key + " " + from
                    + " ORDER BY " + order + " LIMIT :limit OFFSET :offset) ORDER BY " + order;
        }

        String all() {
            return "SELECT " + groupColumn + " AS group_id, " + json + " AS json " + from + " ORDER BY " + order;
        }
    }

    /** One ORUK page (ORUK's Page: total_items, total_pages, page_number, size, first_page, last_page, empty, contents). */
    void page(OutputStream out, Listing listing, Function<Query, Query> bind, int page, int perPage, OrganizationAt at) {
        jdbi.useHandle(h -> {
            long total = bind.apply(h.createQuery(listing.count())).mapTo(Long.class).one();
            long pages = (total + perPage - 1) / perPage;
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("total_items", total);
                g.writeNumberField("total_pages", pages);
                g.writeNumberField("page_number", page);
                long size = Math.max(0, Math.min(perPage, total - (long) (page - 1) * perPage));
                g.writeNumberField("size", size);
                g.writeBooleanField("first_page", page == 1);
                g.writeBooleanField("last_page", page >= pages);
                g.writeBooleanField("empty", size == 0);
                g.writeArrayFieldStart("contents");
                Organizations orgs = new Organizations();
                bind.apply(h.createQuery(listing.page())).bind("limit", perPage).bind("offset", (long) (page - 1) * perPage)
                        .map((rs, c) -> Map.entry(rs.getLong("group_id"), rs.getString("json")))
                        .useStream(rows -> rows.forEach(r -> write(g, r.getValue(), r.getKey(), at, orgs)));
                g.writeEndArray();
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One object (a whole service, say) or false when there is none. */
    boolean one(OutputStream out, String select, Function<Query, Query> bind, OrganizationAt at) {
        return jdbi.withHandle(h -> {
            var row = bind.apply(h.createQuery(select)).map((rs, c) -> Map.entry(rs.getLong("group_id"), rs.getString("json"))).findOne();
            if (row.isEmpty()) return false;
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                write(g, row.get().getValue(), row.get().getKey(), at, new Organizations());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
    }

    /** Every row as newline-delimited JSON (ORUK's format=ndjson: everything, unpaged), streamed. */
    void ndjson(OutputStream out, Listing listing, Function<Query, Query> bind, OrganizationAt at) {
        jdbi.useHandle(h -> h.inTransaction(tx -> {
            // A cursor (fetch size) only holds inside a transaction; without one the driver would read every row first.
            Organizations orgs = new Organizations();
            try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                bind.apply(tx.createQuery(listing.all())).setFetchSize(FETCH)
                        .map((rs, c) -> Map.entry(rs.getLong("group_id"), rs.getString("json")))
                        .useStream(rows -> rows.forEach(r -> write(g, r.getValue(), r.getKey(), at, orgs)));
                g.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
    }

    /**
     * Writes one row. PostgreSQL's JSON goes out as it came, with the organization's JSON (kept as text) spliced in before
     * its closing brace: no row is parsed, so streaming every service costs little more than copying it. Only a
     * service_at_location, whose organization sits in its nested service, is parsed to place it.
     */
    private void write(JsonGenerator g, String json, long groupId, OrganizationAt at, Organizations orgs) {
        try {
            switch (at) {
                case NONE -> g.writeRawValue(json);
                case IS_ROW -> g.writeRawValue(orgs.text(groupId).orElse("{}"));
                case ROW -> {
                    Optional<String> org = orgs.text(groupId);
                    g.writeRawValue(org.isEmpty() ? json : json.substring(0, json.lastIndexOf('}')) + ", \"organization\" : " + org.get() + "}");
                }
                case SERVICE -> {
                    ObjectNode row = (ObjectNode) JSON.readTree(json);
                    if (row.get("service") instanceof ObjectNode service) orgs.of(groupId).ifPresent(o -> service.set("organization", o));
                    JSON.writeTree(g, row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The organization with this ORUK id and its published services (one-to-one fields each); false when there is none. */
    boolean organizationWithServices(OutputStream out, UUID orukId) {
        Optional<Long> group = jdbi.withHandle(h -> ProviderIds.group(h, orukId));
        Optional<ObjectNode> org = group.flatMap(g -> new Organizations().of(g));
        if (org.isEmpty()) return false;
        ArrayNode services = org.get().putArray("services");
        jdbi.useHandle(h -> h.createQuery("SELECT " + OrukJson.LIST + " FROM services s WHERE s.state = 'published' AND s.group_id = :g"
                + " ORDER BY s.name, s.id").bind("g", group.get()).mapTo(String.class).forEach(json -> {
            try {
                services.add(JSON.readTree(json));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            JSON.writeTree(g, org.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /**
     * Groups as organizations, kept for {@link #ORGANIZATION_TTL}: a page of 50 services names up to 50 groups, and asking
     * the Groups service for each on every request would cost more than the page itself. A group's change shows in the
     * API within that time.
     */
    static final java.time.Duration ORGANIZATION_TTL = java.time.Duration.ofSeconds(30);
    private record Cached(long at, Optional<ObjectNode> organization, Optional<String> text) {
    }
    private final java.util.concurrent.ConcurrentHashMap<Long, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private Cached cached(long groupId) {
        long now = System.nanoTime();
        Cached c = cache.get(groupId);
        if (c == null || now - c.at() > ORGANIZATION_TTL.toNanos()) {
            if (cache.size() > 50_000) cache.clear();
            Optional<ObjectNode> o = build(groupId);
            c = new Cached(now, o, o.map(ObjectNode::toString));
            cache.put(groupId, c);
        }
        return c;
    }

    /** The response's organizations: each group looked up once per response. */
    private final class Organizations {
        private final Map<Long, Cached> known = new HashMap<>();

        /** A copy of the organization, for a response that adds to it. */
        Optional<ObjectNode> of(long groupId) {
            return known.computeIfAbsent(groupId, OrukWriter.this::cached).organization().map(ObjectNode::deepCopy);
        }

        Optional<String> text(long groupId) {
            return known.computeIfAbsent(groupId, OrukWriter.this::cached).text();
        }
    }

    private Optional<ObjectNode> build(long groupId) {
        return providers.find(groupId).map(p -> {
            UUID orukId = jdbi.withHandle(h -> ProviderIds.find(h, groupId)).orElseThrow(
                    () -> new IllegalStateException("group " + groupId + " has services but no ORUK id"));
            ObjectNode o = JSON.createObjectNode();
            o.put("id", orukId.toString());
            o.put("name", p.name());
            o.put("description", p.description() == null ? "" : p.description());
            if (p.email() != null && !p.email().isBlank()) o.put("email", p.email());
            if (p.website() != null && !p.website().isBlank()) o.put("website", p.website());
            ArrayNode ids = o.putArray("organization_identifiers");
            for (Providers.Identifier i : p.identifiers()) {
                ObjectNode n = ids.addObject();
                n.put("id", UUID.nameUUIDFromBytes((orukId + "/" + i.scheme() + "-" + i.identifier()).getBytes(StandardCharsets.UTF_8)).toString());
                n.put("organization_id", orukId.toString());
                n.put("identifier_scheme", i.scheme());
                n.put("identifier_type", "org-id");
                n.put("identifier", i.identifier());
            }
            return o;
        });
    }
}
