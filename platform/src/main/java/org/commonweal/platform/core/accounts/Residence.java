package org.commonweal.platform.core.accounts;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an account's home place is verified, and how: by a one-time code posted to the address, or by an officer who
 * saw proof at a desk. A verification holds only for the place it was made for: changing the home place drops it
 * ({@link #dropOnHomeChange}). Features that need verified residents ask {@link #verifiedHome}; the tables are core's.
 * <p>
 * Letter codes: ten characters from an alphabet without look-alikes (50 random bits), stored only as an HMAC under a
 * key of the platform's own (a leaked table cannot be tried offline without it), compared in constant time, valid once
 * and for {@link #LETTER_LIFETIME} from printing; the routes limit attempts per account. The postal address is kept
 * only until the code is used or the letter expires.
 */
public final class Residence {
    public static final Duration LETTER_LIFETIME = Duration.ofDays(30);
    static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int CODE_LENGTH = 10;
    /** UK postcodes (BS 7666), written with one space before the last three characters. */
    private static final Pattern POSTCODE = Pattern.compile("^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$");
    private static final int MAX_LINE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a home place was verified. */
    public enum Method {
        LETTER, DESK;

        public String stored() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The kinds of proof of address an officer may record seeing at a desk (the document itself is never copied). */
    public static final List<String> EVIDENCE = List.of("council-tax", "utility-bill", "tenancy", "bank-statement", "benefits-letter", "photo-id-address");

    /** A verified home place. */
    public record Verification(long placeId, Method method, String evidence, OffsetDateTime at) {
    }

    /** A letter asked for (not yet printed: {@code printedAt} null) or posted, with the place it is for and when it expires. */
    public record Letter(long placeId, String placeName, OffsetDateTime requestedAt, OffsetDateTime printedAt, OffsetDateTime expiresAt) {
        public boolean posted() {
            return printedAt != null;
        }
    }

    /** A letter in an officer's print batch: the code appears here once and never again. */
    public record PrintedLetter(String name, List<String> addressLines, String postcode, String placeName, String code, OffsetDateTime printedAt,
                                OffsetDateTime expiresAt) {
    }

    /** A request waiting to be printed, as the officer's list shows it (no address: that is only on the printed letter). */
    public record Pending(String name, String placeName, OffsetDateTime requestedAt) {
    }

    /** What entering a letter code did. */
    public enum CodeOutcome { VERIFIED, WRONG, NO_LETTER, EXPIRED }

    private final Jdbi jdbi;
    private final AuditLog audit;
    private volatile byte[] key;

    Residence(Jdbi jdbi, AuditLog audit, PersonalData personalData) {
        this.jdbi = jdbi;
        this.audit = audit;
        personalData.register("residence-verification", (h, id) -> personalData.rows(h.createQuery("""
                SELECT p.name AS place, v.method, v.evidence, v.verified_at FROM residence_verifications v JOIN places p ON p.id = v.place_id
                 WHERE v.account_id = :a""").bind("a", id)));
        // The code's hash is left out: it is a secret of the letter, not something about the person.
        personalData.register("residence-letter", (h, id) -> personalData.rows(h.createQuery("""
                SELECT p.name AS place, l.address, l.postcode, l.requested_at, l.printed_at, l.expires_at
                  FROM residence_letters l JOIN places p ON p.id = l.place_id WHERE l.account_id = :a""").bind("a", id)));
        // The foreign keys delete the person's own rows; an officer who leaves stays out of the verifications they made.
        personalData.onErase("residence", (h, id) -> {
            h.createUpdate("DELETE FROM residence_letters WHERE account_id = :a").bind("a", id).execute();
            h.createUpdate("DELETE FROM residence_verifications WHERE account_id = :a").bind("a", id).execute();
            h.createUpdate("UPDATE residence_verifications SET verified_by = NULL WHERE verified_by = :a").bind("a", id).execute();
        });
    }

    /** The verification of the account's current home place, if it has one. */
    public Optional<Verification> verifiedHome(long accountId) {
        return jdbi.withHandle(h -> verifiedHome(h, accountId, false));
    }

    /**
     * As {@link #verifiedHome(long)}, in the caller's transaction. With {@code lock}, the account's row and its verification
     * are held until the caller commits, so a change of home place (which drops the verification) waits for, say, a ballot
     * cast on the strength of it.
     */
    public Optional<Verification> verifiedHome(Handle h, long accountId, boolean lock) {
        return h.createQuery("""
                SELECT v.place_id, v.method, v.evidence, v.verified_at FROM residence_verifications v
                  JOIN accounts a ON a.id = v.account_id AND a.home_place_id = v.place_id
                 WHERE v.account_id = :a""" + (lock ? " FOR SHARE OF v, a" : "")).bind("a", accountId)
                .map((rs, c) -> new Verification(rs.getLong("place_id"), Method.valueOf(rs.getString("method").toUpperCase(Locale.ROOT)),
                        rs.getString("evidence"), rs.getObject("verified_at", OffsetDateTime.class))).findOne();
    }

    /** The account's letter, asked for or posted, unless it has expired. */
    public Optional<Letter> letter(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT l.place_id, p.name, l.requested_at, l.printed_at, l.expires_at FROM residence_letters l JOIN places p ON p.id = l.place_id
                 WHERE l.account_id = :a AND l.expires_at > now()""").bind("a", accountId)
                .map((rs, c) -> new Letter(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class),
                        rs.getObject(5, OffsetDateTime.class))).findOne());
    }

    /**
     * Asks for a letter to the given address for the account's home place, replacing any letter asked for before (whose
     * code then stops working). Fields: {@code line1} (required), {@code line2}, {@code town} (required), {@code postcode}.
     * @return false with the form's errors, storing nothing
     */
    public boolean requestLetter(long accountId, Long homePlaceId, Form form, Actor actor) {
        if (homePlaceId == null) form.error("line1", "residence.letter.error.noHome");
        String line1 = form.requireText("line1", MAX_LINE, "residence.letter.error.line1", "residence.letter.error.tooLong");
        String line2 = form.value("line2").strip();
        form.set("line2", line2);
        if (line2.length() > MAX_LINE) form.error("line2", "residence.letter.error.tooLong");
        String town = form.requireText("town", MAX_LINE, "residence.letter.error.town", "residence.letter.error.tooLong");
        String postcode = normalisePostcode(form.value("postcode"));
        form.set("postcode", postcode);
        if (postcode.isEmpty()) form.error("postcode", "residence.letter.error.postcode");
        else if (!POSTCODE.matcher(postcode).matches()) form.error("postcode", "residence.letter.error.postcodeFormat");
        for (String field : List.of("line1", "line2", "town")) {
            if (form.errorKey(field) == null && form.value(field).chars().anyMatch(Character::isISOControl)) form.error(field, "residence.letter.error.characters");
        }
        if (form.hasErrors()) return false;
        String address = line2.isEmpty() ? line1 + "\n" + town : line1 + "\n" + line2 + "\n" + town;
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO residence_letters (account_id, place_id, address, postcode, expires_at)
                    VALUES (:a, :p, :address, :postcode, now() + make_interval(secs => :s))
                    ON CONFLICT (account_id) DO UPDATE SET place_id = excluded.place_id, address = excluded.address, postcode = excluded.postcode,
                        requested_at = now(), code_hash = NULL, printed_at = NULL, expires_at = excluded.expires_at""")
                    .bind("a", accountId).bind("p", homePlaceId).bind("address", address).bind("postcode", postcode)
                    .bind("s", LETTER_LIFETIME.toSeconds()).execute();
            audit.record(h, actor, "residence.letter.requested", "account:" + accountId, "place:" + homePlaceId);
        });
        return true;
    }

    /** Requests waiting for the next print batch, oldest first. */
    public List<Pending> pending() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.name, p.name, l.requested_at FROM residence_letters l JOIN accounts a ON a.id = l.account_id JOIN places p ON p.id = l.place_id
                 WHERE l.printed_at IS NULL AND l.expires_at > now() ORDER BY l.requested_at, l.account_id""")
                .map((rs, c) -> new Pending(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class))).list());
    }

    /**
     * Gives every waiting request its code and returns the letters to print, oldest first. The codes exist in clear only in
     * what this returns; each letter is valid for {@link #LETTER_LIFETIME} from now.
     */
    public List<PrintedLetter> printBatch(Actor actor) {
        return jdbi.inTransaction(h -> {
            record Row(long account, String name, String address, String postcode, String place) {
            }
            List<Row> rows = h.createQuery("""
                    SELECT l.account_id, a.name, l.address, l.postcode, p.name FROM residence_letters l JOIN accounts a ON a.id = l.account_id
                      JOIN places p ON p.id = l.place_id
                     WHERE l.printed_at IS NULL AND l.expires_at > now() ORDER BY l.requested_at, l.account_id FOR UPDATE OF l""")
                    .map((rs, c) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
            List<PrintedLetter> letters = new ArrayList<>();
            var update = h.prepareBatch("""
                    UPDATE residence_letters SET code_hash = :hash, printed_at = now(), expires_at = now() + make_interval(secs => :s)
                     WHERE account_id = :a""");
            OffsetDateTime now = h.createQuery("SELECT now()").mapTo(OffsetDateTime.class).one();
            OffsetDateTime expires = now.plus(LETTER_LIFETIME);
            for (Row r : rows) {
                String code = newCode();
                update.bind("hash", codeHash(r.account(), code)).bind("s", LETTER_LIFETIME.toSeconds()).bind("a", r.account()).add();
                letters.add(new PrintedLetter(r.name(), List.of(r.address().split("\n")), r.postcode(), r.place(), code, now, expires));
            }
            if (!rows.isEmpty()) update.execute();
            audit.record(h, actor, "residence.letters.printed", null, rows.size() + " letters");
            return letters;
        });
    }

    /**
     * Checks a code from a letter: right, unexpired and for the account's current home place, it verifies that place by
     * letter and deletes the letter (and with it the postal address). A wrong code changes nothing.
     */
    public CodeOutcome enterCode(long accountId, String typed, Actor actor) {
        return jdbi.inTransaction(h -> {
            var letter = h.createQuery("""
                    SELECT l.place_id, l.code_hash, l.expires_at > now() AS live FROM residence_letters l
                      JOIN accounts a ON a.id = l.account_id AND a.home_place_id = l.place_id
                     WHERE l.account_id = :a AND l.code_hash IS NOT NULL FOR UPDATE OF l, a""").bind("a", accountId)
                    .map((rs, c) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getBoolean(3)}).findOne();
            if (letter.isEmpty()) return CodeOutcome.NO_LETTER;
            if (!(Boolean) letter.get()[2]) return CodeOutcome.EXPIRED;
            if (!Secrets.constantTimeEquals(codeHash(accountId, typed), (String) letter.get()[1])) {
                audit.record(h, actor, "residence.letter.wrongCode", "account:" + accountId, null);
                return CodeOutcome.WRONG;
            }
            long place = (Long) letter.get()[0];
            h.createUpdate("DELETE FROM residence_letters WHERE account_id = :a").bind("a", accountId).execute();
            record(h, accountId, place, Method.LETTER, null, null);
            audit.record(h, actor, "residence.verified", "account:" + accountId, "letter, place:" + place);
            return CodeOutcome.VERIFIED;
        });
    }

    /** Why an officer's desk verification was not recorded. */
    public enum DeskRefusal { UNKNOWN_ACCOUNT, NO_HOME, HOME_CHANGED, UNKNOWN_EVIDENCE, OWN_HOME }

    /**
     * An officer records having seen proof of residence of the kind named for the account's home place, which must still be
     * {@code placeSeen} (the place the officer's page showed). Audited with the officer, the kind of proof and the place.
     * An officer cannot verify their own home: another officer looks at their proof.
     */
    public Optional<DeskRefusal> verifyAtDesk(long accountId, long placeSeen, String evidence, Actor officer) {
        if (officer.accountId() != null && officer.accountId() == accountId) return Optional.of(DeskRefusal.OWN_HOME);
        if (!EVIDENCE.contains(evidence)) return Optional.of(DeskRefusal.UNKNOWN_EVIDENCE);
        return jdbi.inTransaction(h -> {
            var home = h.createQuery("SELECT home_place_id FROM accounts WHERE id = :a FOR UPDATE").bind("a", accountId)
                    .map((rs, c) -> Optional.ofNullable((Long) rs.getObject(1))).findOne();
            if (home.isEmpty()) return Optional.of(DeskRefusal.UNKNOWN_ACCOUNT);
            if (home.get().isEmpty()) return Optional.of(DeskRefusal.NO_HOME);
            if (home.get().get() != placeSeen) return Optional.of(DeskRefusal.HOME_CHANGED);
            record(h, accountId, placeSeen, Method.DESK, evidence, officer.accountId());
            // A letter on its way is no longer needed, and neither is the address it was going to.
            h.createUpdate("DELETE FROM residence_letters WHERE account_id = :a").bind("a", accountId).execute();
            audit.record(h, officer, "residence.verified", "account:" + accountId, "desk: " + evidence + ", place:" + placeSeen);
            return Optional.empty();
        });
    }

    /**
     * In the caller's transaction (a profile change): when the home place changes, the verification and any letter for the
     * old place go, so a verified resident cannot carry a verification to a place nobody checked.
     * @return whether anything was dropped
     */
    boolean dropOnHomeChange(Handle h, long accountId, Long newPlace) {
        int dropped = h.createUpdate("DELETE FROM residence_verifications WHERE account_id = :a AND place_id IS DISTINCT FROM :p")
                .bind("a", accountId).bind("p", newPlace).execute();
        dropped += h.createUpdate("DELETE FROM residence_letters WHERE account_id = :a AND place_id IS DISTINCT FROM :p")
                .bind("a", accountId).bind("p", newPlace).execute();
        return dropped > 0;
    }

    /** Deletes letters past their expiry, and with them the postal addresses: the background job's work. */
    public int deleteExpiredLetters() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM residence_letters WHERE expires_at <= now()").execute());
    }

    private static void record(Handle h, long accountId, long place, Method method, String evidence, Long officer) {
        h.createUpdate("""
                INSERT INTO residence_verifications (account_id, place_id, method, evidence, verified_by) VALUES (:a, :p, :m, :e, :by)
                ON CONFLICT (account_id) DO UPDATE SET place_id = excluded.place_id, method = excluded.method, evidence = excluded.evidence,
                    verified_by = excluded.verified_by, verified_at = now()""")
                .bind("a", accountId).bind("p", place).bind("m", method.stored()).bind("e", evidence).bind("by", officer).execute();
    }

    /** "sw1a1aa" as "SW1A 1AA": upper case, the inward code (last three characters) after one space. */
    static String normalisePostcode(String typed) {
        String compact = typed.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
        return compact.length() < 5 ? compact : compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    private static String newCode() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i == CODE_LENGTH / 2) s.append('-');
            s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return s.toString();
    }

    /** The keyed hash of a code as typed for an account, forgiving case, spaces and dashes, and reading O as 0 and I or L as 1. */
    private String codeHash(long accountId, String typed) {
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "").replace('O', '0').replace('I', '1').replace('L', '1');
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((accountId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform's own letter-code key, made by whichever instance asks first (see {@link Secrets#storedKey}). */
    private byte[] key() {
        byte[] k = key;
        if (k == null) key = k = Secrets.storedKey(jdbi, "residence_letter_key").getBytes(StandardCharsets.UTF_8);
        return k;
    }
}
