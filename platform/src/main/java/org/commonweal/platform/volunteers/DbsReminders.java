package org.commonweal.platform.volunteers;

import org.commonweal.platform.core.accounts.Account;
import org.commonweal.platform.core.accounts.AccountService;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.groups.Groups;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Daily: for each verified certificate whose recheck falls due within {@link #WITHIN_DAYS} days, one mail to the
 * volunteer and one to each safeguarding lead of their groups, once per due date (a status check that moves the date
 * on makes the next reminder due again). The mail names the level and the date, never the certificate's number.
 */
final class DbsReminders {
    static final int WITHIN_DAYS = 30;

    private record Due(long checkId, long volunteerId, String name, String email, String level, LocalDate due, List<Long> groupIds) {
    }

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final AccountService accounts;
    private final Groups groups;
    private final Messages messages;
    private final String baseUrl;

    DbsReminders(Jdbi jdbi, Outbox outbox, AccountService accounts, Groups groups, Messages messages, String baseUrl) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.accounts = accounts;
        this.groups = groups;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /** Sends the reminders due on {@code today}; returns how many certificates were reminded about. */
    int run(LocalDate today) {
        List<Due> due = jdbi.withHandle(h -> h.createQuery("""
                        SELECT c.id, c.volunteer_id, v.display_name, coalesce(a.email, v.email) AS email, c.level, c.recheck_due,
                               ARRAY(SELECT vg.group_id FROM volunteer_groups vg WHERE vg.volunteer_id = v.id ORDER BY vg.group_id) AS group_ids
                        FROM volunteer_dbs_checks c JOIN volunteers v ON v.id = c.volunteer_id LEFT JOIN accounts a ON a.id = v.account_id
                        WHERE""" + VolunteerService.VALID_DBS + """
                          AND c.recheck_due <= :until AND c.reminded_for IS DISTINCT FROM c.recheck_due
                        ORDER BY c.recheck_due, c.id""")
                .bind("today", today).bind("until", today.plusDays(WITHIN_DAYS))
                .map((rs, c) -> new Due(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("level"), rs.getObject("recheck_due", LocalDate.class), Arrays.asList((Long[]) rs.getArray("group_ids").getArray())))
                .list());
        for (Due d : due) {
            Set<String> leads = new LinkedHashSet<>();
            for (long g : d.groupIds()) {
                for (long lead : groups.holders(g, VolunteerService.SAFEGUARDING_LEAD)) accounts.find(lead).map(Account::email).ifPresent(leads::add);
            }
            String level = messages.get("volunteers.dbs.level." + d.level());
            String day = Days.of(d.due());
            jdbi.useTransaction(h -> {
                // Claimed by the update, so two instances running the job at once send one set of mails.
                int claimed = h.createUpdate("UPDATE volunteer_dbs_checks SET reminded_for = recheck_due WHERE id = :c AND reminded_for IS DISTINCT FROM recheck_due")
                        .bind("c", d.checkId()).execute();
                if (claimed == 0) return;
                if (d.email() != null) {
                    outbox.enqueue(h, d.email(), messages.get("volunteers.reminder.volunteer.subject", day),
                            messages.get("volunteers.reminder.volunteer.body", d.name(), level, day, baseUrl + ProfileRoutes.PATH));
                }
                for (String lead : leads) {
                    outbox.enqueue(h, lead, messages.get("volunteers.reminder.lead.subject", d.name(), day),
                            messages.get("volunteers.reminder.lead.body", d.name(), level, day));
                }
            });
        }
        return due.size();
    }
}
