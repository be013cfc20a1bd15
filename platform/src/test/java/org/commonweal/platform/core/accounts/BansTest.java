package org.commonweal.platform.core.accounts;

import org.commonweal.platform.core.audit.Actor;
import org.commonweal.platform.testing.PlatformTestCase;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ban is in force from now until its end or until lifted, is audited, and stays in the account's history. */
class BansTest extends PlatformTestCase {
    @Test
    void aBanHoldsUntilLiftedAndIsRecorded() {
        Bans bans = app.platform.bans;
        long amira = app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().id();
        long moderator = app.platform.accounts.findByEmail("admin@demo.commonweal.org").orElseThrow().id();
        Actor actor = new Actor(moderator, "127.0.0.1", "test");
        assertThat(bans.isBanned(amira)).isFalse();
        bans.ban(amira, "Repeated abuse", OffsetDateTime.now().plusDays(7), actor);
        assertThat(bans.active(amira)).hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo("Repeated abuse"));
        assertThat(bans.lift(amira, actor)).isTrue();
        assertThat(bans.isBanned(amira)).isFalse();
        assertThat(bans.lift(amira, actor)).isFalse();
        assertThat(bans.history(amira)).hasSize(1);
        assertThat(app.platform.audit.recent("account.banned", 10, 0)).anySatisfy(e -> assertThat(e.subject()).isEqualTo("account:" + amira));
        assertThat(app.platform.audit.recent("account.ban_lifted", 10, 0)).hasSize(1);
    }

    @Test
    void aBanNeedsAReasonAndAFutureEnd() {
        long bob = app.platform.accounts.findByEmail("amira@demo.commonweal.org").orElseThrow().id();
        Actor actor = new Actor(null, "127.0.0.1", "test");
        assertThatThrownBy(() -> app.platform.bans.ban(bob, " ", null, actor)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.platform.bans.ban(bob, "x", OffsetDateTime.now().minusHours(1), actor)).isInstanceOf(IllegalArgumentException.class);
        assertThat(app.platform.bans.isBanned(bob)).isFalse();
    }
}
