-- "Open now" for every schedule the directory accepts: weekly, fortnightly (interval 2 from dtstart), monthly by the
-- nth weekday (2TU, -1FR) or by day of the month, spans past midnight, validity dates. The rule is OpenAt's in Java;
-- OpenAtTest holds the two to the same answers. Both functions are single expressions (no sub-selects), so the planner
-- inlines them into the directory's query rather than calling them row by row.

-- A monthly schedule's byday may name which of the month's weekdays ("1MO", "-1FR"), as RFC 5545 and ORUK allow; a
-- weekly one names plain days (the import refuses a number there). The import keeps them as written, without a "+".
ALTER TABLE service_schedules DROP CONSTRAINT service_schedules_byday_check;
ALTER TABLE service_schedules ADD CONSTRAINT service_schedules_byday_check
    CHECK (array_to_string(byday, ',') ~ '^((-?[1-5])?(MO|TU|WE|TH|FR|SA|SU)(,(-?[1-5])?(MO|TU|WE|TH|FR|SA|SU))*)?$');

-- Whether the schedule opens on London day d (see OpenAt.happensOn).
CREATE FUNCTION service_schedule_happens_on(p_freq TEXT, p_step INT, p_byday TEXT[], p_bymonthday TEXT, p_from DATE, p_to DATE,
                                            p_dtstart DATE, d DATE) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(
    (p_from IS NULL OR d >= p_from) AND (p_to IS NULL OR d <= p_to) AND (p_dtstart IS NULL OR d >= p_dtstart)
    AND CASE p_freq
        WHEN 'WEEKLY' THEN
            CASE WHEN cardinality(p_byday) = 0
                 THEN extract(isodow FROM coalesce(p_dtstart, p_from)) = extract(isodow FROM d)
                 ELSE (ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[extract(isodow FROM d)::int] = ANY(p_byday) END
            AND (p_step = 1 OR ((d - extract(isodow FROM d)::int)
                                - (coalesce(p_dtstart, p_from) - extract(isodow FROM coalesce(p_dtstart, p_from))::int)) / 7 % p_step = 0)
        WHEN 'MONTHLY' THEN
            (p_step = 1 OR ((extract(year FROM d) * 12 + extract(month FROM d))
                            - (extract(year FROM coalesce(p_dtstart, p_from)) * 12 + extract(month FROM coalesce(p_dtstart, p_from))))::int % p_step = 0)
            AND CASE WHEN cardinality(p_byday) = 0 AND regexp_replace(coalesce(p_bymonthday, ''), '\s', '', 'g') = ''
                 THEN extract(day FROM coalesce(p_dtstart, p_from)) = extract(day FROM d)
                 ELSE (regexp_replace(coalesce(p_bymonthday, ''), '\s', '', 'g') = ''
                       OR extract(day FROM d)::int::text = ANY(string_to_array(regexp_replace(p_bymonthday, '\s', '', 'g'), ','))
                       OR (extract(day FROM d)::int - extract(day FROM (d - extract(day FROM d)::int + 1) + interval '1 month' - interval '1 day')::int - 1)::text
                          = ANY(string_to_array(regexp_replace(p_bymonthday, '\s', '', 'g'), ',')))
                  AND (cardinality(p_byday) = 0
                       OR (ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[extract(isodow FROM d)::int] = ANY(p_byday)
                       OR ((extract(day FROM d)::int - 1) / 7 + 1)::text || (ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[extract(isodow FROM d)::int] = ANY(p_byday)
                       OR (-((extract(day FROM (d - extract(day FROM d)::int + 1) + interval '1 month' - interval '1 day')::int - extract(day FROM d)::int) / 7 + 1))::text
                          || (ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])[extract(isodow FROM d)::int] = ANY(p_byday)) END
        ELSE false END,
    false)
$$;

-- Whether the schedule is open at London wall-clock time p_at (see OpenAt.at): from opening until (not at) closing on a
-- day it happens on; a closing time before the opening time is the next morning's.
CREATE FUNCTION service_schedule_open_at(p_freq TEXT, p_step INT, p_byday TEXT[], p_bymonthday TEXT, p_opens TIME, p_closes TIME,
                                         p_from DATE, p_to DATE, p_dtstart DATE, p_at TIMESTAMP) RETURNS BOOLEAN
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(p_opens IS NOT NULL AND p_closes IS NOT NULL AND (
    p_at::time >= p_opens AND (p_at::time < p_closes OR p_closes < p_opens)
        AND service_schedule_happens_on(p_freq, p_step, p_byday, p_bymonthday, p_from, p_to, p_dtstart, p_at::date)
    OR p_closes < p_opens AND p_at::time < p_closes
        AND service_schedule_happens_on(p_freq, p_step, p_byday, p_bymonthday, p_from, p_to, p_dtstart, p_at::date - 1)),
    false)
$$;
