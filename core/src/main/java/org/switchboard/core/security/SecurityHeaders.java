package org.switchboard.core.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every response carries, static files included (the web module's servlet filter sets them):
 * a Content-Security-Policy that allows only this origin's scripts, styles, images, media and connections (no
 * inline script, no framing), {@code nosniff}, no Referer leaving the site, no framing (also in the old
 * {@code X-Frame-Options}), {@code Cache-Control: no-store} on the API (its answers are personal data), and
 * HSTS when the browser came over HTTPS.
 */
public final class SecurityHeaders {

    /**
     * {@code data:} images: the page's empty favicon; {@code blob:} media: recordings are fetched with the session
     * and played from a blob: URL. Chart.js comes from the WebJar on this origin.
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";
    public static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    /** The headers for a response to {@code path} (the request's path within the application). */
    public static Map<String, String> forRequest(String path, boolean secure) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        if (path != null && (path.equals("/api") || path.startsWith("/api/"))) {
            headers.put("Cache-Control", "no-store");
        }
        if (secure) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }
}
