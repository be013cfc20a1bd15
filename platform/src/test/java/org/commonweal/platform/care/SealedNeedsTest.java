package org.commonweal.platform.care;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Care needs are sealed with AES-GCM under a key from the environment or an owner-only file, never the database. */
class SealedNeedsTest {
    private static final String NEEDS = "uses a wheelchair; early dementia";

    @Test
    void aSealedValueOpensForItsOwnRequestOnlyAndNeverHoldsThePlainText(@TempDir Path data) {
        SealedNeeds sealed = new SealedNeeds(new CareKey(Map.of(), data));
        byte[] one = sealed.seal(7, NEEDS);
        byte[] again = sealed.seal(7, NEEDS);
        assertThat(new String(one, StandardCharsets.ISO_8859_1)).doesNotContain("wheelchair");
        assertThat(one).as("a fresh nonce each time").isNotEqualTo(again);
        assertThat(sealed.open(7, one)).isEqualTo(NEEDS);
        assertThatThrownBy(() -> sealed.open(8, one)).as("moved to another request's row").hasMessageContaining("do not open");
        one[one.length - 1] ^= 1;
        assertThatThrownBy(() -> sealed.open(7, one)).as("altered").hasMessageContaining("do not open");
    }

    @Test
    void withoutTheVariableAKeyFileIsMadeOnFirstUseReadableByItsOwnerOnlyAndKept(@TempDir Path data) throws Exception {
        Path file = data.resolve("keys/care.key");
        CareKey key = new CareKey(Map.of(), data);
        assertThat(file).as("nothing is made until a key is needed").doesNotExist();
        byte[] sealed = new SealedNeeds(key).seal(1, NEEDS);
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(new SealedNeeds(new CareKey(Map.of(), data)).open(1, sealed)).as("a restart reads the same key").isEqualTo(NEEDS);
    }

    @Test
    void theVariableWinsOverTheFileAndAnotherKeyCannotOpen(@TempDir Path data) {
        String base64 = Base64.getEncoder().encodeToString(new byte[32]);
        SealedNeeds fromEnvironment = new SealedNeeds(new CareKey(Map.of(CareKey.VARIABLE, base64), data));
        byte[] sealed = fromEnvironment.seal(3, NEEDS);
        assertThat(data.resolve("keys")).doesNotExist();
        assertThatThrownBy(() -> new SealedNeeds(new CareKey(Map.of(), data)).open(3, sealed)).hasMessageContaining("wrong key");
    }

    @Test
    void aWrongKeyInTheVariableIsNamed(@TempDir Path data) {
        assertThatThrownBy(() -> new CareKey(Map.of(CareKey.VARIABLE, "c2hvcnQ="), data).get()).hasMessageContaining("COMMONWEAL_CARE_KEY")
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CareKey(Map.of(CareKey.VARIABLE, "not base64!"), data).get()).hasMessageContaining("not base64");
    }

    @Test
    void twoKeysOfOneDirectoryAgree(@TempDir Path data) {
        CareKey a = new CareKey(Map.of(), data), b = new CareKey(Map.of(), data);
        assertThat(a.get().getEncoded()).isEqualTo(b.get().getEncoded());
        assertThat(Set.of(a.get().getAlgorithm())).containsExactly("AES");
    }
}
