package org.microlearn.session;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Finds the session token in the {@code Authorization} header (htmx, scripts) or in the {@code
 * access_token} query parameter (links, redirects and form actions, for every method).
 *
 * <p>Spring's {@link DefaultBearerTokenResolver} reads query parameters of GET requests only and
 * form fields of url-encoded posts only; our forms post to URLs that carry the token, including
 * multipart uploads, so the query string is read for every method.
 */
class SessionTokenResolver implements BearerTokenResolver {

    static final String PARAMETER = "access_token";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String fromHeader = header.resolve(request);
        if (fromHeader != null || request.getQueryString() == null) {
            return fromHeader;
        }
        return UriComponentsBuilder.fromUriString("?" + request.getQueryString())
                .build(true)
                .getQueryParams()
                .getFirst(PARAMETER);
    }
}
