package org.commonweal.platform.core.http;

import org.commonweal.platform.core.Config;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, 2001:db8::/32");

    @Test
    void blocksOfBothFamiliesAndSingleAddressesAreParsed() {
        assertThat(proxies.trusts("10.200.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.0.2.7")).isTrue();
        assertThat(proxies.trusts("192.0.2.8")).as("a single address is a /32").isFalse();
        assertThat(proxies.trusts("2001:db8:ffff::1")).isTrue();
        assertThat(proxies.trusts("[2001:db8::5]")).as("as a socket may report it").isTrue();
        assertThat(proxies.trusts("2001:db9::1")).isFalse();
        assertThat(proxies.trusts("::ffff:10.1.1.1")).as("IPv4-mapped").isTrue();
        assertThat(proxies.trusts("localhost")).as("names are never looked up").isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.1")).isTrue();
        assertThat(TrustedProxies.parse("172.16.0.0/12").trusts("172.31.255.255")).isTrue();
        assertThat(TrustedProxies.parse("172.16.0.0/12").trusts("172.32.0.0")).isFalse();
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
    }

    @Test
    void aBadEntryIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example")).hasMessageContaining("'proxy.example' is not an IP address");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33' has a prefix length outside 0 to 32");
        assertThatThrownBy(() -> TrustedProxies.parse("::/x")).hasMessageContaining("outside 0 to 128");
        assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).hasMessageContaining("'300.1.1.1'");
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("TRUSTED_PROXIES", "10.0.0.1/99"), false))
                .isInstanceOf(Config.ConfigException.class).hasMessageStartingWith("TRUSTED_PROXIES: '10.0.0.1/99'");
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        assertThat(proxies.clientAddress("10.0.0.5", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("6.6.6.6, 203.0.113.9, 10.0.0.9")))
                .as("a forged left-most entry is ignored; the inner proxy is skipped").isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("6.6.6.6", "203.0.113.9"))).as("several headers read as one list").isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("2001:db8::1, 2001:db9::77"))).isEqualTo("2001:db9:0:0:0:0:0:77");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("[2001:db9::77]:4711"))).isEqualTo("2001:db9:0:0:0:0:0:77");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("203.0.113.9:4711"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("10.0.0.8, 10.0.0.9"))).as("all proxies: the furthest").isEqualTo("10.0.0.8");
        assertThat(proxies.clientAddress("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
    }

    @Test
    void aHeaderFromAPeerThatIsNotATrustedProxyIsIgnored() {
        assertThat(proxies.clientAddress("203.0.113.50", List.of("6.6.6.6"))).isEqualTo("203.0.113.50");
        assertThat(TrustedProxies.NONE.clientAddress("127.0.0.1", List.of("6.6.6.6"))).isEqualTo("127.0.0.1");
    }

    @Test
    void junkInTheHeaderStopsAtTheProxyThatPassedItOn() {
        assertThat(proxies.clientAddress("10.0.0.5", List.of("203.0.113.9, unknown, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("<script>"))).isEqualTo("10.0.0.5");
        assertThat(proxies.clientAddress("10.0.0.5", List.of("999.1.1.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void trustProxyKeepsMeaningAProxyOnThisHostOrAPrivateNetwork() {
        TrustedProxies legacy = Config.fromEnvironment(Map.of("TRUST_PROXY", "true"), false).trustedProxies();
        assertThat(legacy.trusts("127.0.0.1")).isTrue();
        assertThat(legacy.trusts("::1")).isTrue();
        assertThat(legacy.trusts("192.168.1.20")).isTrue();
        assertThat(legacy.trusts("203.0.113.1")).isFalse();
        assertThat(Config.fromEnvironment(Map.of(), false).trustedProxies().isEmpty()).isTrue();
        assertThat(Config.fromEnvironment(Map.of("TRUST_PROXY", "true", "TRUSTED_PROXIES", "192.0.2.7"), false).trustedProxies().trusts("127.0.0.1"))
                .as("an explicit list wins").isFalse();
    }
}
