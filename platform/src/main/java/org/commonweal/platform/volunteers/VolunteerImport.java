package org.commonweal.platform.volunteers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a group's volunteers from a volunteer-management export (TeamKinetic's Volunteer-data.csv and files like it):
 * the upload is kept while the person maps its columns and looks at a preview, then every row is checked and the rows
 * go in in one transaction, or, with any problem, none do. A volunteer is known by the export's id, so importing again
 * updates the records that are still unclaimed instead of making new ones. Each imported person with an email address
 * who agreed to mail gets an invitation to claim their record with an account.
 */
final class VolunteerImport {
    static final String SOURCE = "teamkinetic";
    /** Problems listed on a page; a file with more gets the first ones and a count. */
    static final int SHOWN = 50;
    static final int CLAIM_DAYS = 30;
    private static final CsvMapper CSV = new CsvMapper();
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    /** One problem with one cell (or a whole column when row is 0): a message key and its arguments after file, row and column. */
    record Problem(int row, int column, String header, String messageKey, Object... args) {
    }

    record Checked(List<ImportedPerson> people, List<Problem> problems) {
    }

    /** A file that cannot be read as CSV: the message key and its arguments after the file name. */
    record Unreadable(String messageKey, Object... args) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Messages messages;
    private final String baseUrl;

    VolunteerImport(Jdbi jdbi, AuditLog audit, Outbox outbox, Messages messages, String baseUrl) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    /** The records of the CSV text, header first; a blank line is not a record. */
    static List<String[]> parse(String text) throws JsonProcessingException {
        List<String[]> out = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(text.replace("\r\n", "\n"))) {
            while (it.hasNextValue()) {
                String[] r = it.nextValue();
                if (Arrays.stream(r).allMatch(v -> v == null || v.isBlank())) continue;
                out.add(r);
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Keeps the upload for the mapping step; the file must have a header and at least one row. */
    Object upload(long groupId, long accountId, String fileName, String text, Actor actor) {
        List<String[]> records;
        try {
            records = parse(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Unreadable("volunteers.import.error.csv", line, e.getOriginalMessage());
        }
        if (records.size() < 2) return new Unreadable("volunteers.import.error.empty");
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM volunteer_imports WHERE created_at < now() - interval '1 day'").execute();
            long id = h.createQuery("INSERT INTO volunteer_imports (group_id, uploaded_by, file_name, content) VALUES (:g, :a, :f, :c) RETURNING id")
                    .bind("g", groupId).bind("a", accountId).bind("f", fileName).bind("c", text).mapTo(Long.class).one();
            audit.record(h, actor, "volunteer.import_uploaded", "group:" + groupId, fileName + ", " + (records.size() - 1) + " rows");
            return id;
        });
    }

    /** Uploads nobody finished within a day go: they hold other people's data. */
    void deleteAbandoned() {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM volunteer_imports WHERE created_at < now() - interval '1 day'").execute());
    }

    Optional<ImportUpload> find(long groupId, long importId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, group_id, file_name, content FROM volunteer_imports WHERE id = :i AND group_id = :g")
                .bind("i", importId).bind("g", groupId).map((rs, c) -> {
                    try {
                        List<String[]> records = parse(rs.getString("content"));
                        return new ImportUpload(rs.getLong("id"), rs.getLong("group_id"), rs.getString("file_name"), Arrays.stream(records.getFirst()).map(x -> x == null ? "" : x).toList(),
                                records.subList(1, records.size()));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("an upload that parsed no longer does", e);
                    }
                }).findOne());
    }

    /** Every row checked under the mapping; rows are numbered as a spreadsheet shows them (the header is row 1). */
    static Checked check(ImportUpload u, List<String> mapping) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < mapping.size(); i++) col.put(mapping.get(i), i);
        List<ImportedPerson> people = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 0; r < u.rows().size(); r++) {
            String[] cells = u.rows().get(r);
            int row = r + 2;
            Cells c = new Cells(u.header(), cells, col, row, problems);
            if (cells.length != u.header().size()) {
                problems.add(new Problem(row, 0, "", "volunteers.import.error.cells", cells.length, u.header().size()));
                continue;
            }
            String id = c.text("externalId", 100, true);
            if (!id.isEmpty()) {
                Integer before = seen.putIfAbsent(id, row);
                if (before != null) c.problem("externalId", "volunteers.import.error.duplicateId", id, before);
            }
            String name = (c.text("firstName", 100, true) + " " + c.text("surname", 100, false)).strip();
            String email = c.text("email", 254, false);
            if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) c.problem("email", "volunteers.import.error.email", email);
            String mobile = c.text("mobile", 30, false);
            if (!mobile.isEmpty() && !mobile.matches("[+0-9 ()-]{6,30}")) c.problem("mobile", "volunteers.import.error.mobile", mobile);
            String gender = c.text("gender", 60, false);
            Boolean mayEmail = c.yesNo("mayEmail");
            Boolean checkDone = c.yesNo("checkDone");
            Boolean enhanced = c.yesNo("checkEnhanced");
            LocalDate expires = c.date("checkExpires");
            String reference = c.text("checkReference", 100, false);
            Boolean inducted = c.yesNo("inducted");
            LocalDate inductedOn = c.date("inductedOn");
            String level = Boolean.TRUE.equals(checkDone) ? (Boolean.TRUE.equals(enhanced) ? "enhanced" : "standard") : null;
            people.add(new ImportedPerson(row, id, name, email.isEmpty() ? null : email, mobile.isEmpty() ? null : mobile, gender.isEmpty() ? null : gender,
                    !Boolean.FALSE.equals(mayEmail), level, level == null ? null : expires, level == null || reference.isEmpty() ? null : reference,
                    Boolean.TRUE.equals(inducted) || inductedOn != null, inductedOn));
        }
        return new Checked(people, problems);
    }

    /** Reads one row's cells by target, noting problems with the row and the column's number and header. */
    private record Cells(List<String> header, String[] cells, Map<String, Integer> col, int row, List<Problem> problems) {
        String raw(String target) {
            Integer i = col.get(target);
            return i == null || i >= cells.length || cells[i] == null ? "" : cells[i].strip();
        }

        void problem(String target, String key, Object... args) {
            int i = col.getOrDefault(target, -1);
            problems.add(new Problem(row, i + 1, i < 0 ? "" : header.get(i), key, args));
        }

        String text(String target, int max, boolean required) {
            String v = raw(target);
            if (required && v.isEmpty() && col.containsKey(target)) problem(target, "volunteers.import.error.blank");
            else if (v.length() > max) problem(target, "volunteers.import.error.tooLong", max);
            else if (v.chars().anyMatch(Character::isISOControl)) problem(target, "volunteers.import.error.control");
            return v;
        }

        Boolean yesNo(String target) {
            String v = raw(target).toLowerCase(java.util.Locale.ROOT);
            return switch (v) {
                case "" -> null;
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    problem(target, "volunteers.import.error.yesNo", raw(target));
                    yield null;
                }
            };
        }

        LocalDate date(String target) {
            String v = raw(target);
            if (v.isEmpty()) return null;
            try {
                LocalDate d = v.contains("/") ? LocalDate.parse(v.split(" ")[0], UK_DATE) : LocalDate.parse(v);
                if (d.getYear() >= 1900 && d.getYear() <= 9999) return d;
            } catch (DateTimeParseException ignored) {
                // the problem below names the cell
            }
            problem(target, "volunteers.import.error.date", v);
            return null;
        }
    }

    /** The result of an import: how many records were made and updated, and how many invitations sent. */
    record Result(int created, int updated, int invited) {
    }

    /**
     * Imports every person in one transaction. A record already claimed by its owner keeps its owner's details; it is
     * only linked to the group. The upload is deleted.
     */
    Result run(ImportUpload u, List<ImportedPerson> people, String groupName, Actor actor) {
        return jdbi.inTransaction(h -> {
            int created = 0, updated = 0, invited = 0;
            for (ImportedPerson p : people) {
                Optional<long[]> existing = h.createQuery("""
                                SELECT id, CASE WHEN account_id IS NULL THEN 0 ELSE 1 END, CASE WHEN claim_expires_at > now() THEN 1 ELSE 0 END
                                FROM volunteers WHERE source = :s AND external_id = :e FOR UPDATE""")
                        .bind("s", SOURCE).bind("e", p.externalId()).map((rs, c) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).findOne();
                long id;
                String token = null;
                if (existing.isPresent() && existing.get()[1] == 1) {
                    id = existing.get()[0];
                } else {
                    // One live invitation at a time: importing again does not mail those whose link still works.
                    boolean linkLive = existing.isPresent() && existing.get()[2] == 1;
                    if (p.email() != null && p.mayEmail() && !linkLive) token = Secrets.newToken();
                    id = h.createQuery("""
                                    INSERT INTO volunteers (display_name, owner_group_id, email, mobile, gender, source, external_id, external_check_level,
                                                            external_check_expires, external_check_ref, claim_token_hash, claim_expires_at)
                                    VALUES (:name, :g, :email, :mobile, :gender, :s, :e, :level, :expires, :ref, :token,
                                            CASE WHEN :token IS NULL THEN NULL ELSE now() + make_interval(days => :days) END)
                                    ON CONFLICT (source, external_id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email,
                                        mobile = excluded.mobile, gender = excluded.gender, external_check_level = excluded.external_check_level,
                                        external_check_expires = excluded.external_check_expires, external_check_ref = excluded.external_check_ref,
                                        claim_token_hash = coalesce(excluded.claim_token_hash, volunteers.claim_token_hash),
                                        claim_expires_at = coalesce(excluded.claim_expires_at, volunteers.claim_expires_at), updated_at = now()
                                    RETURNING id""")
                            .bind("name", p.name()).bind("g", u.groupId()).bind("email", p.email()).bind("mobile", p.mobile()).bind("gender", p.gender())
                            .bind("s", SOURCE).bind("e", p.externalId()).bind("level", p.checkLevel()).bind("expires", p.checkExpires())
                            .bind("ref", p.checkReference()).bind("token", token == null ? null : Secrets.sha256(token)).bind("days", CLAIM_DAYS)
                            .mapTo(Long.class).one();
                    if (existing.isPresent()) updated++;
                    else created++;
                    if (p.inducted()) {
                        boolean has = h.createQuery("SELECT 1 FROM volunteer_training WHERE volunteer_id = :v AND kind = 'induction'").bind("v", id)
                                .mapTo(Integer.class).findOne().isPresent();
                        if (!has) ProfileRecords.addTraining(h, id, "induction", messages.get("volunteers.import.induction", groupName), p.inductedOn(), null);
                    }
                }
                h.createUpdate("INSERT INTO volunteer_groups (volunteer_id, group_id) VALUES (:v, :g) ON CONFLICT DO NOTHING").bind("v", id).bind("g", u.groupId()).execute();
                if (token != null) {
                    outbox.enqueue(h, p.email(), messages.get("volunteers.claim.mail.subject", groupName),
                            messages.get("volunteers.claim.mail.body", p.name(), groupName, baseUrl + ClaimRoutes.PATH + token, CLAIM_DAYS));
                    invited++;
                }
            }
            h.createUpdate("DELETE FROM volunteer_imports WHERE id = :i").bind("i", u.id()).execute();
            audit.record(h, actor, "volunteer.import_done", "group:" + u.groupId(), u.fileName() + ": " + created + " new, " + updated + " updated, "
                    + invited + " invited");
            return new Result(created, updated, invited);
        });
    }
}
