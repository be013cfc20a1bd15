package org.commonweal.platform.grants;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.commonweal.platform.budgets.Money;
import org.commonweal.platform.core.Config;
import org.commonweal.platform.groups.Group;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The awards as a 360Giving Data Standard package (schema 1.4): one grant per award, identified
 * {@code <prefix>-<application id>} under the council's registered 360Giving prefix, funded by the council's org-id and
 * received by the group's org-id (its first identifier; a group verified without one is named by a
 * {@code <prefix>-group-<id>} identifier of our own, as the standard allows for organisations without a register entry).
 * Amounts are in the currency's major units, as the standard asks.
 */
final class Giving360 {
    static final String VERSION = "1.4";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Groups groups;
    private final Config.Funder funder;
    private final String baseUrl;

    Giving360(Jdbi jdbi, Groups groups, Config.Funder funder, String baseUrl) {
        this.jdbi = jdbi;
        this.groups = groups;
        this.funder = funder;
        this.baseUrl = baseUrl;
    }

    String grantId(long applicationId) {
        return funder.grantPrefix() + "-" + applicationId;
    }

    String funderId() {
        return funder.orgId();
    }

    String funderName() {
        return funder.name();
    }

    String recipientId(long groupId) {
        return groups.find(groupId).map(Group::identifiers).filter(ids -> !ids.isEmpty()).map(List::getFirst)
                .orElse(funder.grantPrefix() + "-group-" + groupId);
    }

    static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Money.scale(currency));
    }

    private record Award(long id, long groupId, String title, String purpose, String currency, long amount, long awarded, LocalDate awardedOn,
                         long programmeId, String programme, String programmeDescription, boolean byResidents, OffsetDateTime modified) {
    }

    /** The package of every award made, as JSON text; empty before the first award (the standard wants at least one grant). */
    java.util.Optional<String> packageJson() {
        List<Award> awards = jdbi.withHandle(h -> h.createQuery("""
                        SELECT a.id, a.group_id, a.title, a.purpose, a.amount, a.amount_awarded, a.awarded_on, a.proposal_id, a.updated_at,
                               g.id AS programme_id, g.title AS programme, g.description AS programme_description, g.currency
                        FROM grant_applications a JOIN grant_programmes g ON g.id = a.programme_id
                        WHERE a.status = 'awarded' ORDER BY a.id""")
                .map((rs, c) -> new Award(rs.getLong("id"), rs.getLong("group_id"), rs.getString("title"), rs.getString("purpose"),
                        rs.getString("currency"), rs.getLong("amount"), rs.getLong("amount_awarded"), rs.getObject("awarded_on", LocalDate.class),
                        rs.getLong("programme_id"), rs.getString("programme"), rs.getString("programme_description"),
                        rs.getObject("proposal_id") != null, rs.getObject("updated_at", OffsetDateTime.class))).list());
        if (awards.isEmpty()) return java.util.Optional.empty();
        List<Map<String, Object>> grants = new ArrayList<>();
        for (Award a : awards) grants.add(grant(a));
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("version", VERSION);
        pkg.put("title", funder.name() + " small grants");
        pkg.put("description", "Grants awarded by " + funder.name() + " to community groups, published from Commonweal.");
        pkg.put("identifier", funder.grantPrefix() + "-package");
        pkg.put("issued", LocalDate.now(Applications.ZONE).toString());
        pkg.put("publisher", Map.of("identifier", funder.orgId(), "name", funder.name(), "website", baseUrl));
        pkg.put("license", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/");
        pkg.put("grants", grants);
        try {
            return java.util.Optional.of(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(pkg));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> grant(Award a) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", grantId(a.id()));
        g.put("title", a.title());
        g.put("description", a.purpose());
        g.put("currency", a.currency());
        g.put("amountAppliedFor", major(a.amount(), a.currency()));
        g.put("amountAwarded", major(a.awarded(), a.currency()));
        g.put("awardDate", a.awardedOn().toString());
        g.put("url", baseUrl + "/grants/" + a.programmeId());
        g.put("recipientOrganization", List.of(Map.of("id", recipientId(a.groupId()), "name", groups.name(a.groupId()).orElse(""))));
        g.put("fundingOrganization", List.of(Map.of("id", funder.orgId(), "name", funder.name())));
        g.put("grantProgramme", List.of(Map.of("code", funder.grantPrefix() + "-programme-" + a.programmeId(), "title", a.programme(),
                "description", a.programmeDescription(), "url", baseUrl + "/grants/" + a.programmeId())));
        g.put("fromOpenCall", "Yes");
        g.put("dateModified", a.modified().withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (a.byResidents()) g.put("classifications", List.of(Map.of("vocabulary", "commonweal-decision", "code", "residents",
                "title", "Decided by residents in a participatory budget")));
        return g;
    }
}
