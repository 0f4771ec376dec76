package org.switchboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.switchboard.core.security.ClientAddress;
import org.switchboard.core.security.SecurityHeaders;

/** Puts core's {@link SecurityHeaders} on every response of the application: the API and the static UI alike. */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean secure = ClientAddress.secure(request.isSecure(), request.getRemoteAddr(),
                request.getHeader("X-Forwarded-Proto"), ClientAddress.trustedProxies());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        SecurityHeaders.forRequest(path, secure).forEach(response::setHeader);
        chain.doFilter(request, response);
    }
}
