package org.commonweal.platform.services;

/**
 * The Open Referral UK 3.0 shapes, built by PostgreSQL as JSON per row (json_strip_nulls: ORUK leaves out what is not
 * known rather than sending null, which its schemas would refuse), so a list or the full export streams row by row.
 * Each fragment is an expression over {@code s} (a services row). The organization is not here: groups are another
 * feature's, and {@link OrukWriter} adds it from the Groups service.
 */
final class OrukJson {
    private OrukJson() {
    }

    /** A service's one-to-one fields: what /services lists (ORUK service_list), plus HSDS 3.0's eligibility and application process. */
    static final String SERVICE_FIELDS = """
            'id', s.oruk_id, 'organization_id', (SELECT p.oruk_id FROM service_providers p WHERE p.group_id = s.group_id),
            'name', s.name, 'description', s.description, 'url', s.url, 'email', s.email, 'status', s.status,
            'fees', nullif(s.fees_description, ''), 'accreditations', nullif(s.accreditations, ''),
            'eligibility_description', nullif(s.eligibility, ''), 'application_process', nullif(s.application_process, ''),
            'minimum_age', s.minimum_age, 'maximum_age', s.maximum_age, 'assured_date', s.assured_date, 'alert', nullif(s.alert, ''),
            'last_modified', to_char(s.last_modified AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')""";

    static final String LIST = "json_strip_nulls(json_build_object(" + SERVICE_FIELDS + "))::text";

    /** A location with its address and accessibility, as ORUK nests them under a service_at_location. */
    static final String LOCATION = """
            json_build_object('id', l.oruk_id, 'location_type', l.location_type, 'name', l.name, 'description', l.description,
                'latitude', l.latitude, 'longitude', l.longitude,
                'addresses', CASE WHEN l.address_1 IS NULL THEN '[]'::json ELSE json_build_array(json_build_object(
                    'id', l.address_oruk_id, 'location_id', l.oruk_id, 'address_1', l.address_1, 'address_2', l.address_2,
                    'city', coalesce(l.city, ''), 'region', l.region, 'state_province', coalesce(l.region, ''),
                    'postal_code', coalesce(l.postal_code, ''), 'country', coalesce(l.country, 'GB'),
                    'address_type', CASE WHEN l.location_type = 'postal' THEN 'postal' ELSE 'physical' END)) END,
                'accessibility', CASE WHEN l.accessibility IS NULL THEN '[]'::json ELSE json_build_array(json_build_object(
                    'id', l.accessibility_oruk_id, 'location_id', l.oruk_id, 'description', l.accessibility)) END)""";

    /** A location's one-to-one fields, as service_at_location_list carries it. */
    static final String LOCATION_FIELDS = """
            json_build_object('id', l.oruk_id, 'location_type', l.location_type, 'name', l.name, 'description', l.description,
                'latitude', l.latitude, 'longitude', l.longitude)""";

    static final String TERM = """
            json_build_object('id', t.oruk_id, 'name', t.name, 'description', t.description, 'parent_id', t.parent_oruk_id,
                'taxonomy', coalesce(x.name, t.taxonomy_name), 'taxonomy_id', coalesce(x.oruk_id, t.taxonomy_oruk_id),
                'term_uri', t.term_uri, 'term', t.code)""";

    /** A whole service: its fields and every list ORUK nests in it (ORUK compiled/service.json). */
    static final String FULL = "json_strip_nulls(json_build_object(" + SERVICE_FIELDS + """
            ,
            'schedules', coalesce((SELECT json_agg(json_build_object('id', sc.oruk_id, 'service_id', s.oruk_id,
                    'service_at_location_id', sl.at_oruk_id, 'valid_from', sc.valid_from, 'valid_to', sc.valid_to, 'dtstart', sc.dtstart,
                    'freq', sc.freq, 'interval', sc.interval, 'byday', nullif(array_to_string(sc.byday, ','), ''),
                    'bymonthday', sc.bymonthday, 'description', sc.description, 'opens_at', to_char(sc.opens_at, 'HH24:MI:SS'),
                    'closes_at', to_char(sc.closes_at, 'HH24:MI:SS'), 'notes', sc.notes) ORDER BY sc.id)
                FROM service_schedules sc LEFT JOIN service_locations sl ON sl.id = sc.location_id WHERE sc.service_id = s.id), '[]'),
            'service_at_locations', coalesce((SELECT json_agg(json_build_object('id', l.at_oruk_id, 'service_id', s.oruk_id,
                    'location_id', l.oruk_id, 'location', """ + LOCATION + """
                    ) ORDER BY l.id) FROM service_locations l WHERE l.service_id = s.id), '[]'),
            'languages', coalesce((SELECT json_agg(json_build_object('id', g.oruk_id, 'service_id', s.oruk_id, 'name', g.name,
                    'code', g.code) ORDER BY g.id) FROM service_languages g WHERE g.service_id = s.id), '[]'),
            'cost_options', coalesce((SELECT json_agg(json_build_object('id', c.oruk_id, 'service_id', s.oruk_id,
                    'valid_from', c.valid_from, 'valid_to', c.valid_to, 'option', c.option, 'amount', c.amount,
                    'amount_description', c.amount_description) ORDER BY c.id) FROM service_cost_options c WHERE c.service_id = s.id), '[]'),
            'contacts', coalesce((SELECT json_agg(json_build_object('id', c.oruk_id, 'service_id', s.oruk_id, 'name', c.name,
                    'title', c.title, 'phones', CASE WHEN c.phone IS NULL THEN '[]'::json ELSE json_build_array(json_build_object(
                        'id', c.phone_oruk_id, 'contact_id', c.oruk_id, 'number', c.phone)) END) ORDER BY c.id)
                FROM service_contacts c WHERE c.service_id = s.id), '[]'),
            'attributes', coalesce((SELECT json_agg(json_build_object('id', st.oruk_id, 'link_id', s.oruk_id,
                    'taxonomy_term_id', t.oruk_id, 'link_type', 'service', 'taxonomy_term', """ + TERM + """
                    ) ORDER BY t.name, t.id)
                FROM service_terms st JOIN service_taxonomy_terms t ON t.id = st.term_id
                LEFT JOIN service_taxonomies x ON x.id = t.taxonomy_id WHERE st.service_id = s.id), '[]')))::text""";

    /** A service_at_location with its location and its service's one-to-one fields (ORUK service_at_location_list). */
    static final String AT_LOCATION_LIST = "json_strip_nulls(json_build_object('id', l.at_oruk_id, 'service_id', s.oruk_id, 'location_id', l.oruk_id,"
            + " 'location', " + LOCATION_FIELDS + ", 'service', json_build_object(" + SERVICE_FIELDS + ")))::text";

    static final String TAXONOMY = """
            json_strip_nulls(json_build_object('id', x.oruk_id, 'name', x.name, 'description', x.description, 'uri', x.uri,
                'version', x.version))::text""";
}
