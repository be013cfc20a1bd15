package org.commonweal.platform.services;

import org.jdbi.v3.core.Handle;

import java.util.Optional;
import java.util.UUID;

/** The ORUK id each group is published under as an organization: given by a feed, or made the first time it is needed. */
final class ProviderIds {
    private ProviderIds() {
    }

    /** The group's ORUK id, made now if it has none; called when a service of the group is saved, never on a read. */
    static UUID ensure(Handle h, long groupId) {
        return h.createQuery("""
                WITH made AS (INSERT INTO service_providers (group_id, oruk_id) VALUES (:g, gen_random_uuid())
                              ON CONFLICT (group_id) DO NOTHING RETURNING oruk_id)
                SELECT oruk_id FROM made UNION ALL SELECT oruk_id FROM service_providers WHERE group_id = :g""")
                .bind("g", groupId).mapTo(UUID.class).first();
    }

    /** The group's ORUK id, if one was made or given. */
    static Optional<UUID> find(Handle h, long groupId) {
        return h.createQuery("SELECT oruk_id FROM service_providers WHERE group_id = :g").bind("g", groupId).mapTo(UUID.class).findOne();
    }

    /** The group an ORUK organization id names, if any. */
    static Optional<Long> group(Handle h, UUID orukId) {
        return h.createQuery("SELECT group_id FROM service_providers WHERE oruk_id = :o").bind("o", orukId).mapTo(Long.class).findOne();
    }

    /** Records the feed's id for the group, unless the group is already published under one. */
    static void keep(Handle h, long groupId, UUID orukId) {
        h.createUpdate("INSERT INTO service_providers (group_id, oruk_id) VALUES (:g, :o) ON CONFLICT DO NOTHING")
                .bind("g", groupId).bind("o", orukId).execute();
    }
}
