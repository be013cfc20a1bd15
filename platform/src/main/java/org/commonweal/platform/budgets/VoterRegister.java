package org.commonweal.platform.budgets;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.core.audit.AuditLog;
import org.commonweal.platform.core.http.Secrets;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A pot's optional voter register. Identifiers are kept only as HMAC-SHA256 under a random key of the pot's own,
 * stored beside them (as {@link BallotKeys} keeps the ballot key): a leaked table cannot be matched against a
 * copy of the electoral roll without the key, and nothing here ever holds an identifier in clear.
 */
final class VoterRegister {
    /** The outcome of an upload: how many identifiers were new and how many were already on the register. */
    record Upload(int added, int alreadyListed) {
    }

    private final Jdbi jdbi;
    private final AuditLog audit;

    VoterRegister(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    boolean exists(long potId) {
        return jdbi.withHandle(h -> exists(h, potId));
    }

    static boolean exists(Handle h, long potId) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM budget_registers WHERE pot_id = :p)").bind("p", potId).mapTo(Boolean.class).one();
    }

    long size(long potId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM budget_register_entries WHERE pot_id = :p").bind("p", potId)
                .mapTo(Long.class).one());
    }

    /**
     * Adds the identifiers to the pot's register, starting it if the pot has none. A re-upload extends the register:
     * identifiers already on it stay (someone may have voted with them) and are counted, not added again.
     */
    Upload extend(Pot pot, List<String> identifiers, Actor actor) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO budget_registers (pot_id, hmac_key) VALUES (:p, :k) ON CONFLICT (pot_id) DO NOTHING")
                    .bind("p", pot.id()).bind("k", Secrets.newToken()).execute();
            byte[] key = key(h, pot.id()).orElseThrow();
            var batch = h.prepareBatch("INSERT INTO budget_register_entries (pot_id, entry_hash) VALUES (:p, :h) ON CONFLICT DO NOTHING");
            for (String id : identifiers) batch.bind("p", pot.id()).bind("h", hash(key, id)).add();
            int added = 0;
            for (int n : batch.execute()) added += n;
            Upload upload = new Upload(added, identifiers.size() - added);
            audit.record(h, actor, "budget.register.uploaded", "pot:" + pot.id(), upload.added() + " added, " + upload.alreadyListed() + " already listed");
            return upload;
        });
    }

    /** The hash of a typed identifier when it is on the pot's register; empty when it is not, or the pot has no register. */
    Optional<String> listed(long potId, String typed) {
        String id = RegisterFile.normalise(typed);
        if (id.isEmpty() || id.length() > RegisterFile.MAX_LENGTH) return Optional.empty();
        return jdbi.withHandle(h -> key(h, potId).map(k -> hash(k, id)).filter(hash -> h.createQuery(
                "SELECT EXISTS (SELECT 1 FROM budget_register_entries WHERE pot_id = :p AND entry_hash = :h)")
                .bind("p", potId).bind("h", hash).mapTo(Boolean.class).one()));
    }

    private static Optional<byte[]> key(Handle h, long potId) {
        return h.createQuery("SELECT hmac_key FROM budget_registers WHERE pot_id = :p").bind("p", potId).mapTo(String.class).findOne()
                .map(Base64.getUrlDecoder()::decode);
    }

    private static String hash(byte[] key, String normalisedIdentifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(BallotKeys.hmac(key, normalisedIdentifier));
    }
}
