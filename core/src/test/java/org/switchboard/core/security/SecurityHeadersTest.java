package org.switchboard.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void everyResponseForbidsInlineScriptFramingSniffingAndReferrers() {
        Map<String, String> page = SecurityHeaders.forRequest("/index.html", false);
        assertThat(page.get("Content-Security-Policy")).contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("X-Frame-Options", "DENY")
                .containsEntry("Referrer-Policy", "no-referrer")
                .doesNotContainKey("Cache-Control").doesNotContainKey("Strict-Transport-Security");
    }

    @Test
    void theApiIsNeverCachedAndHstsOnlyOverHttps() {
        assertThat(SecurityHeaders.forRequest("/api/me", false)).containsEntry("Cache-Control", "no-store")
                .doesNotContainKey("Strict-Transport-Security");
        assertThat(SecurityHeaders.forRequest("/api/me", true)).containsEntry("Strict-Transport-Security",
                "max-age=31536000");
        assertThat(SecurityHeaders.forRequest("/", true)).containsKey("Strict-Transport-Security");
        assertThat(SecurityHeaders.forRequest("/apiary", false)).doesNotContainKey("Cache-Control");
    }
}
