package org.commonweal.platform.core.accounts;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Form;
import org.commonweal.platform.core.http.Role;
import org.commonweal.platform.core.http.Secrets;
import org.commonweal.platform.core.http.SessionStore;
import org.commonweal.platform.core.i18n.Messages;
import org.commonweal.platform.core.mail.Outbox;
import org.commonweal.platform.core.places.PlaceService;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Registration, confirmation, sign-in, password reset, profiles, roles, export and deletion of accounts. */
public final class AccountService {
    static final String CONFIRM = "confirm_email";
    static final String RESET = "reset_password";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final int MIN_PASSWORD = 10;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Outbox outbox;
    private final SessionStore sessions;
    private final PlaceService places;
    private final Messages messages;
    private final String baseUrl;
    private final PersonalData personalData;
    private final Residence residence;

    public AccountService(Jdbi jdbi, AuditLog audit, Outbox outbox, SessionStore sessions, PlaceService places, Messages messages, String baseUrl,
                          PersonalData personalData) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.outbox = outbox;
        this.sessions = sessions;
        this.places = places;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.personalData = personalData;
        this.residence = new Residence(jdbi, audit, personalData);
        // Sessions are kept by the hash of their cookie only; the times are what they say about the person.
        personalData.register("account-sessions", (h, id) -> personalData.rows(h.createQuery(
                "SELECT created_at, last_seen, expires_at FROM sessions WHERE account_id = :a ORDER BY created_at, id_hash").bind("a", id)));
        // The mails queued for the account's address: their bodies hold one-time links, so only subject and times.
        personalData.register("account-mails", (h, id) -> personalData.rows(h.createQuery("""
                SELECT m.subject, m.created_at, m.sent_at FROM mail_outbox m JOIN accounts a ON lower(m.recipient) = lower(a.email)
                 WHERE a.id = :a ORDER BY m.id""").bind("a", id)));
        // A deleted account's mails go too: the queued ones must not reach someone who left, and none may keep the address.
        personalData.onErase("account-mails", (h, id) -> h.createUpdate("""
                DELETE FROM mail_outbox m USING accounts a WHERE a.id = :a AND lower(m.recipient) = lower(a.email)""").bind("a", id).execute());
    }

    /** Whether accounts' home places are verified, and the letters and desk checks that verify them. */
    public Residence residence() {
        return residence;
    }

    public Optional<Account> find(long id) {
        return jdbi.withHandle(h -> AccountRepository.byId(h, id));
    }

    /** The signed-in account for a session cookie, in one query; refreshes the session's expiry now and then. */
    public Optional<Account> findBySession(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String hash = Secrets.sha256(token);
        Optional<AccountRepository.SessionAccount> found = jdbi.withHandle(h -> AccountRepository.bySessionHash(h, hash));
        found.filter(AccountRepository.SessionAccount::stale).ifPresent(f -> sessions.touch(hash));
        return found.map(AccountRepository.SessionAccount::account);
    }

    public Optional<Account> findByEmail(String email) {
        return jdbi.withHandle(h -> AccountRepository.byEmail(h, email));
    }

    /**
     * Validates a registration; on errors nothing is stored and false is returned. Otherwise it creates the account and
     * mails its confirmation link, or, when the address already has an account, mails that account's owner instead:
     * the answer to the visitor is the same either way, so registration cannot be used to learn who has an account.
     */
    public boolean register(Form form, Actor actor) {
        String name = form.requireText("name", 200, "error.name.required", "error.name.tooLong");
        String email = validEmail(form);
        String password = form.value("password");
        checkNewPassword(form, password, "password");
        if (form.hasErrors()) return false;
        // Hashed before looking the address up, so both outcomes take the same time.
        String hash = Passwords.hash(password);
        jdbi.useTransaction(h -> {
            Optional<Account> existing = AccountRepository.byEmail(h, email);
            if (existing.isPresent()) {
                outbox.enqueue(h, existing.get().email(), messages.get("mail.registerTaken.subject"),
                        messages.get("mail.registerTaken.body", baseUrl + "/sign-in", baseUrl + "/forgot-password"));
                audit.record(h, actor, "account.registration_for_existing", "account:" + existing.get().id(), null);
                return;
            }
            long id = AccountRepository.insert(h, email, name, hash);
            sendToken(h, id, email, CONFIRM, Duration.ofDays(3), "mail.confirm.subject", "mail.confirm.body", "/account/confirm/");
            audit.record(h, new Actor(id, actor.ip(), actor.requestId()), "account.registered", "account:" + id, null);
        });
        return true;
    }

    /** Creates an account that is already confirmed (demo data, admin tooling). */
    public long createConfirmed(String email, String name, String password, Set<Role> roles, Long homePlaceId) {
        return jdbi.inTransaction(h -> {
            long id = AccountRepository.insert(h, email, name, Passwords.hash(password));
            AccountRepository.confirmEmail(h, id);
            AccountRepository.setRoles(h, id, roles);
            AccountRepository.updateProfile(h, id, name, homePlaceId);
            return id;
        });
    }

    /** @return the account when email and password match; records failures without saying which part was wrong */
    public Optional<Account> authenticate(String email, String password, Actor actor) {
        Optional<Account> account = findByEmail(email.strip());
        String hash = account.flatMap(a -> jdbi.withHandle(h -> AccountRepository.passwordHash(h, a.id()))).orElse(null);
        boolean ok = Passwords.matches(password, hash);
        if (ok) {
            audit.record(new Actor(account.get().id(), actor.ip(), actor.requestId()), "account.signed_in", "account:" + account.get().id(), null);
            return account;
        }
        audit.record(actor, "account.sign_in_failed", account.map(a -> "account:" + a.id()).orElse(null), null);
        return Optional.empty();
    }

    public boolean confirmEmail(String token, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Long> id = AccountRepository.useToken(h, Secrets.sha256(token), CONFIRM);
            id.ifPresent(a -> {
                AccountRepository.confirmEmail(h, a);
                audit.record(h, new Actor(a, actor.ip(), actor.requestId()), "account.email_confirmed", "account:" + a, null);
            });
            return id.isPresent();
        });
    }

    public void resendConfirmation(long accountId) {
        jdbi.useTransaction(h -> AccountRepository.byId(h, accountId).filter(a -> !a.emailConfirmed()).ifPresent(a ->
                sendToken(h, a.id(), a.email(), CONFIRM, Duration.ofDays(3), "mail.confirm.subject", "mail.confirm.body", "/account/confirm/")));
    }

    /** Always behaves the same whether or not the address has an account, so it reveals nothing. */
    public void requestPasswordReset(String email, Actor actor) {
        jdbi.useTransaction(h -> AccountRepository.byEmail(h, email.strip()).ifPresent(a -> {
            sendToken(h, a.id(), a.email(), RESET, Duration.ofHours(1), "mail.reset.subject", "mail.reset.body", "/account/reset/");
            audit.record(h, actor, "account.password_reset_requested", "account:" + a.id(), null);
        }));
    }

    public boolean resetTokenIsLive(String token) {
        return jdbi.withHandle(h -> AccountRepository.tokenIsLive(h, Secrets.sha256(token), RESET));
    }

    /** Sets a new password from a reset link and signs every session of that account out. */
    public boolean resetPassword(String token, Form form, Actor actor) {
        String password = form.value("password");
        checkNewPassword(form, password, "password");
        if (form.hasErrors()) return false;
        Optional<Long> account = jdbi.inTransaction(h -> {
            Optional<Long> id = AccountRepository.useToken(h, Secrets.sha256(token), RESET);
            id.ifPresent(a -> {
                AccountRepository.updatePassword(h, a, Passwords.hash(password));
                AccountRepository.confirmEmail(h, a);
                audit.record(h, new Actor(a, actor.ip(), actor.requestId()), "account.password_reset", "account:" + a, null);
            });
            return id;
        });
        account.ifPresent(sessions::deleteAllFor);
        if (account.isEmpty()) form.error("password", "error.token.invalid");
        return account.isPresent();
    }

    public boolean updateProfile(long accountId, Form form, Actor actor) {
        String name = form.requireText("name", 200, "error.name.required", "error.name.tooLong");
        Long place = null;
        String placeValue = form.value("homePlace").strip();
        if (!placeValue.isEmpty()) {
            try {
                place = Long.parseLong(placeValue);
                if (places.find(place).isEmpty()) form.error("homePlace", "error.place.unknown");
            } catch (NumberFormatException e) {
                form.error("homePlace", "error.place.unknown");
            }
        }
        if (form.hasErrors()) return false;
        Long chosen = place;
        jdbi.useTransaction(h -> {
            AccountRepository.updateProfile(h, accountId, name, chosen);
            audit.record(h, actor, "account.profile_updated", "account:" + accountId, null);
            if (residence.dropOnHomeChange(h, accountId, chosen)) audit.record(h, actor, "residence.dropped", "account:" + accountId, "home place changed");
        });
        return true;
    }

    /**
     * Sets a new password after checking the current one and signs the account out of every other session, since a
     * change is often made because someone else may know the old password; the session making the change stays.
     */
    public boolean changePassword(long accountId, String currentSession, Form form, Actor actor) {
        String current = form.value("currentPassword");
        String hash = jdbi.withHandle(h -> AccountRepository.passwordHash(h, accountId)).orElse(null);
        if (!Passwords.matches(current, hash)) form.error("currentPassword", "error.password.wrong");
        checkNewPassword(form, form.value("password"), "password");
        if (form.hasErrors()) return false;
        jdbi.useTransaction(h -> {
            AccountRepository.updatePassword(h, accountId, Passwords.hash(form.value("password")));
            audit.record(h, actor, "account.password_changed", "account:" + accountId, null);
        });
        sessions.deleteAllOthersFor(accountId, currentSession);
        return true;
    }

    public List<Account> search(String query, int limit, int offset) {
        return jdbi.withHandle(h -> AccountRepository.search(h, query == null ? "" : query.strip(), limit, offset));
    }

    /** An admin changes someone's roles; the last admin cannot remove their own admin role. */
    public boolean setRoles(long accountId, Set<Role> roles, Actor actor) {
        return jdbi.inTransaction(h -> {
            Optional<Account> account = AccountRepository.byId(h, accountId);
            if (account.isEmpty()) return false;
            boolean losingAdmin = account.get().roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN);
            if (losingAdmin && AccountRepository.countAdmins(h) <= 1) return false;
            AccountRepository.setRoles(h, accountId, roles);
            audit.record(h, actor, "account.roles_changed", "account:" + accountId,
                    account.get().roles() + " -> " + roles);
            return true;
        });
    }

    /**
     * Everything we hold about a person, for their own download (UK GDPR right of access): the account, its own
     * audit trail, and under {@code data} every feature's {@link PersonalData} section, read in one snapshot.
     */
    public Map<String, Object> export(long accountId) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("SET TRANSACTION READ ONLY");
            Account a = AccountRepository.byId(h, accountId).orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", a.id());
            out.put("name", a.name());
            out.put("email", a.email());
            out.put("emailConfirmedAt", a.emailConfirmedAt() == null ? null : a.emailConfirmedAt().toString());
            out.put("homePlace", a.homePlaceId() == null ? null : places.find(a.homePlaceId()).map(p -> p.name()).orElse(null));
            out.put("createdAt", a.createdAt().toString());
            out.put("roles", a.roles().stream().map(Role::stored).toList());
            out.put("activity", h.createQuery("SELECT at::text AS at, action FROM audit_log WHERE actor_id = :id ORDER BY id")
                    .bind("id", accountId).mapToMap().list());
            out.put("notes", List.of(messages.get("export.note.ballots"), messages.get("export.note.anonymous")));
            out.put("data", personalData.of(h, accountId));
            return out;
        });
    }

    /** Deletes the account and its sessions; the audit log keeps only the anonymous fact of deletion. */
    public boolean delete(long accountId, Form form, Actor actor) {
        String hash = jdbi.withHandle(h -> AccountRepository.passwordHash(h, accountId)).orElse(null);
        if (!Passwords.matches(form.value("password"), hash)) {
            form.error("password", "error.password.wrong");
            return false;
        }
        boolean deleted = jdbi.inTransaction(h -> {
            Account a = AccountRepository.byId(h, accountId).orElseThrow();
            if (a.roles().contains(Role.ADMIN) && AccountRepository.countAdmins(h) <= 1) {
                form.error("password", "error.account.lastAdmin");
                return false;
            }
            personalData.erase(h, accountId);
            AccountRepository.delete(h, accountId);
            audit.record(h, new Actor(null, actor.ip(), actor.requestId()), "account.deleted", "account:" + accountId, null);
            return true;
        });
        if (deleted) sessions.deleteAllFor(accountId);
        return deleted;
    }

    /** The form's "email" field, stripped, with an error when it is blank or not an address: every form asking for one checks it so. */
    public static String validEmail(Form form) {
        String email = form.value("email").strip();
        form.set("email", email);
        if (email.isEmpty()) form.error("email", "error.email.required");
        else if (email.length() > 254 || !EMAIL.matcher(email).matches()) form.error("email", "error.email.invalid");
        return email;
    }

    private void checkNewPassword(Form form, String password, String field) {
        if (password.length() < MIN_PASSWORD) form.error(field, "error.password.tooShort");
        else if (password.length() > 256) form.error(field, "error.password.tooLong");
        if (!password.equals(form.value("passwordConfirm"))) form.error("passwordConfirm", "error.password.mismatch");
    }

    private void sendToken(org.jdbi.v3.core.Handle h, long accountId, String email, String purpose, Duration validity,
                           String subjectKey, String bodyKey, String path) {
        String token = Secrets.newToken();
        AccountRepository.insertToken(h, Secrets.sha256(token), accountId, purpose, validity.toSeconds());
        outbox.enqueue(h, email, messages.get(subjectKey), messages.get(bodyKey, baseUrl + path + token));
    }

    /** How many accounts there are: the residents taking part, a figure for the home page. */
    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM accounts").mapTo(Long.class).one());
    }
}
