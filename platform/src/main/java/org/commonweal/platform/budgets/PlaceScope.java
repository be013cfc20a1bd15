package org.commonweal.platform.budgets;

import org.jdbi.v3.core.Handle;

/** Whether a place lies within another (itself or any descendant): a pot's eligible places. */
final class PlaceScope {
    private PlaceScope() {
    }

    static boolean within(Handle h, long root, Long place) {
        if (place == null) return false;
        return h.createQuery("""
                WITH RECURSIVE sub AS (
                    SELECT id FROM places WHERE id = :root
                    UNION ALL
                    SELECT p.id FROM places p JOIN sub ON p.parent_id = sub.id)
                SELECT EXISTS (SELECT 1 FROM sub WHERE id = :place)""")
                .bind("root", root).bind("place", place).mapTo(Boolean.class).one();
    }
}
