package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void forwardedForIsIgnoredUnlessTheConnectionComesFromATrustedProxy() {
        assertThat(ClientAddress.of("203.0.113.5", "10.1.1.1", Set.of())).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.of("203.0.113.5", "10.1.1.1", Set.of("127.0.0.1"))).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.of("127.0.0.1", "10.1.1.1", Set.of("127.0.0.1"))).isEqualTo("10.1.1.1");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        Set<String> proxies = Set.of("127.0.0.1", "10.0.0.2");
        assertThat(ClientAddress.of("127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", proxies))
                .as("a forged left-most entry is not believed").isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("127.0.0.1", " ", proxies)).isEqualTo("127.0.0.1");
    }

    @Test
    void forwardedProtoCountsOnlyFromATrustedProxy() {
        assertThat(ClientAddress.secure(true, "203.0.113.5", null, Set.of())).isTrue();
        assertThat(ClientAddress.secure(false, "203.0.113.5", "https", Set.of())).isFalse();
        assertThat(ClientAddress.secure(false, "127.0.0.1", "https", Set.of("127.0.0.1"))).isTrue();
    }
}
