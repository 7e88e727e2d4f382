package org.microlearn.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Carries the session token into every URL a page links to, posts to or redirects to.
 *
 * <p>Thymeleaf's {@code @{...}} links, {@code th:action} and Spring MVC's {@code redirect:} all
 * pass through this processor, so templates and controllers never handle the token themselves.
 * Only the application's own paths (starting with a single {@code /}) get it, never another site.
 */
class SessionUrlProcessor implements RequestDataValueProcessor {

    private static final String REFRESHED = SessionUrlProcessor.class.getName() + ".token";

    /** Static files need no session, and a token in their URL would defeat the browser's cache. */
    private static final java.util.List<String> STATIC =
            java.util.List.of("/css/", "/js/", "/images/", "/webjars/", "/favicon");

    private final SessionTokens tokens;

    SessionUrlProcessor(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String processUrl(HttpServletRequest request, String url) {
        String token = currentToken(request);
        if (token == null
                || !url.startsWith("/")
                || url.startsWith("//")
                || url.contains(SessionTokenResolver.PARAMETER + "=")
                || STATIC.stream().anyMatch(url::startsWith)) {
            return url;
        }
        return UriComponentsBuilder.fromUriString(url)
                .replaceQueryParam(SessionTokenResolver.PARAMETER, token)
                .build()
                .toUriString();
    }

    @Override
    public String processAction(HttpServletRequest request, String action, String httpMethod) {
        return processUrl(request, action);
    }

    @Override
    public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
        return value;
    }

    @Override
    public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
        return Map.of();
    }

    /** The token of this request, or a fresh one once it is past half its lifetime. */
    private String currentToken(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object cached = request.getAttribute(REFRESHED);
        if (cached instanceof String token) {
            return token;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken auth)) {
            return null;
        }
        String token = tokens.needsRefresh(auth.getToken())
                ? tokens.issue(SessionTokens.viewerOf(auth.getToken()))
                : auth.getToken().getTokenValue();
        request.setAttribute(REFRESHED, token);
        return token;
    }
}
