package org.commonweal.platform.services;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An officer's import of an ORUK feed: every row checked first, then everything stored in one transaction, or nothing.
 * Organizations become groups (matched by their ORUK id, an org-id identifier or name, else made, through the Groups
 * service); services keep their ORUK ids, so importing a feed again updates its services. An officer vouched for the
 * feed, so its services are published at once, reviewed on the day (unless the feed says when they were last checked).
 */
public final class OrukImport {
    /** What came of it: the problems (nothing was stored) or the counts stored and what was read but not kept. */
    public record Result(List<RowCheck.Problem> problems, int services, int organizations, int terms, Map<String, Integer> notKept) {
        boolean stored() {
            return problems.isEmpty();
        }
    }

    private final Jdbi jdbi;
    private final Providers providers;
    private final AuditLog audit;
    private final ServicesIndex index;

    OrukImport(Jdbi jdbi, Providers providers, AuditLog audit, ServicesIndex index) {
        this.jdbi = jdbi;
        this.providers = providers;
        this.audit = audit;
        this.index = index;
    }

    Result run(FeedTables tables, String fileNames, Actor actor) {
        Set<UUID> knownOrganizations = new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT oruk_id FROM service_providers").mapTo(UUID.class).list()));
        Set<UUID> knownTerms = new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT oruk_id FROM service_taxonomy_terms").mapTo(UUID.class).list()));
        List<RowCheck.Problem> problems = new java.util.ArrayList<>();
        Feed feed = Feed.check(tables, knownOrganizations, knownTerms, problems);
        if (feed.services().isEmpty() && problems.isEmpty()) {
            problems.add(new RowCheck.Problem("services", "", "", "services.import.error.noServices"));
        }
        problems.addAll(placesTakenElsewhere(feed));
        if (!problems.isEmpty()) return new Result(List.copyOf(problems), 0, 0, 0, feed.notKept());
        jdbi.useTransaction(h -> {
            Map<UUID, Long> taxonomies = new HashMap<>();
            for (Feed.Taxonomy t : feed.taxonomies()) taxonomies.put(t.id(), upsert(h, t));
            for (Feed.Term t : feed.terms()) upsert(h, t, taxonomies);
            Map<UUID, Long> groups = new HashMap<>();
            for (Feed.Imported s : feed.services()) {
                long group = groups.computeIfAbsent(s.organizationId(), org -> group(h, org, feed.organizations().get(org), actor));
                ServiceRecord r = s.record();
                ServiceRecord withGroup = new ServiceRecord(r.orukId(), group, r.name(), r.description(), r.status(), r.url(), r.email(), r.phone(),
                        r.eligibility(), r.minimumAge(), r.maximumAge(), r.applicationProcess(), r.feesDescription(), r.accreditations(),
                        r.alert(), r.locations(), r.schedules(), r.languages(), r.costs(), r.contacts(), r.termIds());
                long id = ServiceStore.save(h, null, withGroup, Service.PUBLISHED, false);
                h.createUpdate("UPDATE services SET assured_date = :d WHERE id = :id")
                        .bind("d", s.assuredDate() == null ? LocalDate.now(Directory.LONDON) : s.assuredDate()).bind("id", id).execute();
                index.update(h, id);
            }
            audit.record(h, actor, "services.imported", "services", fileNames + ": " + feed.services().size() + " services");
        });
        return new Result(List.of(), feed.services().size(), (int) feed.services().stream().map(Feed.Imported::organizationId).distinct().count(),
                feed.terms().size(), feed.notKept());
    }

    /** A service_at_location id of the feed that a different stored service already has (ids are unique across services). */
    private List<RowCheck.Problem> placesTakenElsewhere(Feed feed) {
        Map<UUID, UUID> serviceOf = new HashMap<>();
        for (Feed.Imported s : feed.services()) for (ServiceRecord.Location l : s.record().locations()) serviceOf.put(l.atOrukId(), s.record().orukId());
        if (serviceOf.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT l.at_oruk_id, s.oruk_id FROM service_locations l JOIN services s ON s.id = l.service_id WHERE l.at_oruk_id = ANY(:ids)")
                .bindArray("ids", UUID.class, serviceOf.keySet().toArray(UUID[]::new))
                .map((rs, c) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list()).stream()
                .filter(e -> !e.getValue().equals(serviceOf.get(e.getKey())))
                .map(e -> new RowCheck.Problem("service_at_locations", e.getKey().toString(), "id", "services.import.error.atTaken", e.getKey()))
                .toList();
    }

    /** The group an organization id names: already published under it, or matched or made through the Groups service. */
    private long group(Handle h, UUID orukId, Providers.Incoming incoming, Actor actor) {
        var known = ProviderIds.group(h, orukId);
        if (known.isPresent()) return known.get();
        long group = providers.matchOrCreate(h, incoming, actor);
        ProviderIds.keep(h, group, orukId);
        return group;
    }

    private static long upsert(Handle h, Feed.Taxonomy t) {
        return h.createQuery("""
                INSERT INTO service_taxonomies (oruk_id, name, description, uri, version) VALUES (:id, :name, :description, :uri, :version)
                ON CONFLICT (oruk_id) DO UPDATE SET name = excluded.name, description = excluded.description, uri = excluded.uri,
                    version = excluded.version
                RETURNING id""").bind("id", t.id()).bind("name", t.name()).bind("description", t.description()).bind("uri", t.uri())
                .bind("version", t.version()).mapTo(Long.class).one();
    }

    private static void upsert(Handle h, Feed.Term t, Map<UUID, Long> taxonomies) {
        Long taxonomy = t.taxonomyId() == null ? null : taxonomies.containsKey(t.taxonomyId()) ? taxonomies.get(t.taxonomyId())
                : h.createQuery("SELECT id FROM service_taxonomies WHERE oruk_id = :o").bind("o", t.taxonomyId()).mapTo(Long.class).findOne().orElse(null);
        h.createUpdate("""
                INSERT INTO service_taxonomy_terms (oruk_id, taxonomy_id, taxonomy_oruk_id, taxonomy_name, parent_oruk_id, code, name,
                                                    description, term_uri)
                VALUES (:id, :taxonomy, CAST(:taxonomyOruk AS uuid), :taxonomyName, CAST(:parent AS uuid), :code, :name, :description, :uri)
                ON CONFLICT (oruk_id) DO UPDATE SET taxonomy_id = excluded.taxonomy_id, taxonomy_oruk_id = excluded.taxonomy_oruk_id,
                    taxonomy_name = excluded.taxonomy_name, parent_oruk_id = excluded.parent_oruk_id, code = excluded.code,
                    name = excluded.name, description = excluded.description, term_uri = excluded.term_uri""")
                .bind("id", t.id()).bind("taxonomy", taxonomy).bind("taxonomyOruk", t.taxonomyId()).bind("taxonomyName", t.taxonomyName())
                .bind("parent", t.parentId()).bind("code", t.code()).bind("name", t.name()).bind("description", t.description())
                .bind("uri", t.uri()).execute();
    }
}
