package org.commonweal.platform.volunteers;

import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The volunteers service other features call (published by {@link VolunteersFeature}): a volunteer's profile by
 * account, id or imported id, the volunteers of a group free on a day (for matching and shifts), and who may see a
 * group's volunteers. Features never read the volunteers tables.
 */
public final class VolunteerService {
    /** The roles in a group whose holders see its volunteers (besides the group's admins). */
    static final Set<String> COORDINATING_ROLES = Set.of("volunteer_coordinator", "safeguarding_lead");
    static final String SAFEGUARDING_LEAD = "safeguarding_lead";

    /**
     * A DBS check counts when a safeguarding lead verified it, its recheck is not past, and the Update Service's last
     * status (if any) says nothing new: NEW_INFO means a new certificate is needed, NO_MATCH_FOUND that the details
     * given are not a certificate the Update Service knows. Spaced both sides for text blocks.
     */
    static final String VALID_DBS = " c.verified_at IS NOT NULL AND c.recheck_due >= :today "
            + "AND (c.status IS NULL OR c.status IN ('BLANK_NO_NEW_INFO', 'NON_BLANK_NO_NEW_INFO')) ";
    /** The levels in order, for array_position ranks in SQL (basic 2 .. enhanced_both 7). */
    static final String[] LEVELS = Arrays.stream(DbsLevel.values()).map(DbsLevel::code).toArray(String[]::new);

    private static final String SELECT = """
            SELECT v.id, v.account_id, v.display_name, v.skills, v.languages, v.slots, v.home_place_id, v.home_lat, v.home_lon,
                   v.radius_km, v.capacity, v.gender, v.interests, v.transport, v.max_hours_week, v.source, v.external_id,
                   d.level AS dbs_level, d.recheck_due AS dbs_until,
                   ARRAY(SELECT vg.group_id FROM volunteer_groups vg WHERE vg.volunteer_id = v.id ORDER BY vg.group_id) AS group_ids
            FROM volunteers v
            LEFT JOIN LATERAL (SELECT c.level, c.recheck_due FROM volunteer_dbs_checks c
                               WHERE c.volunteer_id = v.id AND""" + VALID_DBS + """
                               ORDER BY array_position(:levels, c.level) DESC, c.recheck_due DESC LIMIT 1) d ON true
            """;

    private final Jdbi jdbi;
    private final Groups groups;

    VolunteerService(Jdbi jdbi, Groups groups) {
        this.jdbi = jdbi;
        this.groups = groups;
    }

    public Optional<VolunteerProfile> find(long volunteerId) {
        return jdbi.withHandle(h -> query(h, "WHERE v.id = :id").bind("id", volunteerId).map((rs, c) -> profile(rs)).findOne());
    }

    /** The account's own volunteer profile, if they have made one (or claimed one a group imported). */
    public Optional<VolunteerProfile> ofAccount(long accountId) {
        return jdbi.withHandle(h -> query(h, "WHERE v.account_id = :a").bind("a", accountId).map((rs, c) -> profile(rs)).findOne());
    }

    /** The profiles with these volunteer ids, by id; ids of no volunteer are left out. */
    public List<VolunteerProfile> byIds(Collection<Long> volunteerIds) {
        if (volunteerIds.isEmpty()) return List.of();
        return jdbi.withHandle(h -> query(h, "WHERE v.id = ANY(:ids) ORDER BY v.id").bind("ids", volunteerIds.toArray(Long[]::new))
                .map((rs, c) -> profile(rs)).list());
    }

    /** The volunteer an import knows by its source ("teamkinetic") and that source's id for them. */
    public Optional<VolunteerProfile> byExternalId(String source, String externalId) {
        return jdbi.withHandle(h -> query(h, "WHERE v.source = :s AND v.external_id = :e").bind("s", source).bind("e", externalId)
                .map((rs, c) -> profile(rs)).findOne());
    }

    /**
     * The group's volunteers who can be asked on {@code day}: with an account (someone to accept or decline), room for
     * at least one match, and not away that day; by id. Their slots, place, radius and DBS level are for the caller's
     * own rules.
     */
    public List<VolunteerProfile> available(long groupId, LocalDate day) {
        return jdbi.withHandle(h -> query(h, """
                        WHERE v.account_id IS NOT NULL AND v.capacity > 0
                          AND EXISTS (SELECT 1 FROM volunteer_groups vg WHERE vg.volunteer_id = v.id AND vg.group_id = :g)
                          AND NOT EXISTS (SELECT 1 FROM volunteer_away a WHERE a.volunteer_id = v.id AND :day BETWEEN a.from_date AND a.to_date)
                        ORDER BY v.id""").bind("g", groupId).bind("day", day).map((rs, c) -> profile(rs)).list());
    }

    /** Whether the volunteer gives time to the group (opted in, or imported by it). */
    public boolean volunteersWith(long volunteerId, long groupId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM volunteer_groups WHERE volunteer_id = :v AND group_id = :g")
                .bind("v", volunteerId).bind("g", groupId).mapTo(Integer.class).findOne().isPresent());
    }

    /** Whether the account is a current safeguarding lead of the group (a role of the groups feature). */
    public boolean isSafeguardingLead(long accountId, long groupId) {
        return groups.role(groupId, accountId).filter(SAFEGUARDING_LEAD::equals).isPresent();
    }

    /** Whether the account sees the group's volunteers: one of its admins, volunteer coordinators or safeguarding leads. */
    public boolean coordinates(long accountId, long groupId) {
        return groups.isAdmin(groupId, accountId) || groups.role(groupId, accountId).filter(COORDINATING_ROLES::contains).isPresent();
    }

    private static org.jdbi.v3.core.statement.Query query(Handle h, String where) {
        return h.createQuery(SELECT + where).bind("today", VolunteersFeature.today()).bind("levels", LEVELS);
    }

    static VolunteerProfile profile(ResultSet rs) throws SQLException {
        String level = rs.getString("dbs_level");
        return new VolunteerProfile(rs.getLong("id"), rs.getObject("account_id", Long.class), rs.getString("display_name"),
                strings(rs.getArray("skills")), strings(rs.getArray("languages")), strings(rs.getArray("slots")),
                rs.getObject("home_place_id", Long.class), rs.getObject("home_lat", Double.class), rs.getObject("home_lon", Double.class),
                rs.getInt("radius_km"), rs.getInt("capacity"), rs.getString("gender"),
                level == null ? DbsLevel.NONE : DbsLevel.of(level).orElseThrow(), rs.getObject("dbs_until", LocalDate.class),
                Arrays.asList((Long[]) rs.getArray("group_ids").getArray()), strings(rs.getArray("interests")), strings(rs.getArray("transport")),
                rs.getObject("max_hours_week", Integer.class), rs.getString("source"), rs.getString("external_id"));
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
