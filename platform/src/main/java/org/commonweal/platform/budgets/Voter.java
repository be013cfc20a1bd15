package org.commonweal.platform.budgets;

import org.commonweal.platform.core.http.CurrentUser;
import org.commonweal.platform.core.http.Secrets;

import java.util.Locale;

/**
 * Who is casting a ballot: a signed-in resident, or the holder of a single voting code the council posted
 * (for residents without an account). {@code identity} is what the voter key is derived from; for a code
 * it is the code's hash, so the code itself is never stored. In a pot with a voter register the identity is
 * the register entry instead (its hash, {@code registerHash}), so each entry counts once however it votes.
 */
public record Voter(String identity, CurrentUser account, String codeHash, String registerHash) {
    public static Voter of(CurrentUser account) {
        return new Voter("account:" + account.id(), account, null, null);
    }

    public static Voter withCode(String code) {
        String hash = codeHash(code);
        return new Voter("code:" + hash, null, hash, null);
    }

    /** The same voter, voting as the register entry whose hash is given. */
    public Voter onRegister(String entryHash) {
        return new Voter(registerIdentity(entryHash), account, codeHash, entryHash);
    }

    static String registerIdentity(String entryHash) {
        return "register:" + entryHash;
    }

    /** Hash of a voting code as typed, forgiving case, spaces and dashes. */
    static String codeHash(String code) {
        return Secrets.sha256("voting-code:" + code.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", ""));
    }
}
