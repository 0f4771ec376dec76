package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String basic(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUtf8AndKeepsColonsInThePassword() {
        assertThat(BasicCredentials.parse(basic("оператор:pa:ss")))
                .contains(new BasicCredentials("оператор", "pa:ss"));
        assertThat(BasicCredentials.parse(basic("admin:")).map(BasicCredentials::password)).contains("");
    }

    @Test
    void rejectsWhatIsNotBasic() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!not-base64")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basic(":password"))).isEmpty();
    }
}
