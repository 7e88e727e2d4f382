package org.microlearn.lti.dynamicregistration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microlearn.lti.launch.LtiClaims;
import org.microlearn.lti.registration.PlatformUrls;

/**
 * What a platform's OpenID configuration says about it, as far as registering Microlearn goes.
 * Lists are {@code null} when the platform does not advertise them (which means "anything"), and
 * empty when it advertises none.
 *
 * @param messagesSupported message type to the placements the platform lists for it
 */
record PlatformConfiguration(
        String configurationUrl,
        String issuer,
        String authorizationEndpoint,
        String tokenEndpoint,
        String jwksUri,
        String registrationEndpoint,
        String productFamilyCode,
        String version,
        String accountName,
        String accountDomain,
        List<String> scopesSupported,
        Map<String, List<String>> messagesSupported,
        List<String> variables) {

    static PlatformConfiguration parse(String configurationUrl, Map<String, Object> json) {
        Map<String, Object> platform = object(json.get(LtiClaims.PLATFORM_CONFIGURATION));
        return new PlatformConfiguration(
                configurationUrl,
                string(json.get("issuer")),
                string(json.get("authorization_endpoint")),
                string(json.get("token_endpoint")),
                string(json.get("jwks_uri")),
                string(json.get("registration_endpoint")),
                platform == null ? null : string(platform.get("product_family_code")),
                platform == null ? null : string(platform.get("version")),
                platform == null ? null : string(platform.get(LtiClaims.CANVAS_ACCOUNT_NAME)),
                platform == null ? null : string(platform.get(LtiClaims.CANVAS_ACCOUNT_DOMAIN)),
                strings(json.get("scopes_supported")),
                platform == null ? null : messages(platform.get("messages_supported")),
                platform == null ? null : strings(platform.get("variables")));
    }

    public boolean isCanvas() {
        return "canvas".equalsIgnoreCase(productFamilyCode);
    }

    /** "Moodle 4.3 (Build: 20231009)", "Canvas", or "An LTI platform" when it does not say. */
    public String productName() {
        if (productFamilyCode == null || productFamilyCode.isBlank()) {
            return "An LTI platform";
        }
        String family = productFamilyCode.substring(0, 1).toUpperCase(Locale.ROOT) + productFamilyCode.substring(1);
        return version == null || version.isBlank() ? family : family + " " + version;
    }

    /** The name a registration gets: Canvas's account name, else product and host. */
    public String displayName() {
        String family = productFamilyCode == null || productFamilyCode.isBlank()
                ? "LTI platform"
                : productFamilyCode.substring(0, 1).toUpperCase(Locale.ROOT) + productFamilyCode.substring(1);
        String name = accountName != null && !accountName.isBlank()
                ? accountName.strip() + " (" + family + ")"
                : family + " at " + URI.create(configurationUrl).getHost();
        return name.length() <= 255 ? name : name.substring(0, 255);
    }

    /**
     * Why Microlearn must not register with this platform; empty when it may. Every endpoint must
     * be https (http only on loopback hosts), and the configuration must come from the issuer's
     * own address, except for issuers known to be served elsewhere (Instructure's Canvas).
     */
    List<String> problems(List<String> issuersServedElsewhere) {
        List<String> problems = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("issuer", issuer);
        urls.put("authorization_endpoint", authorizationEndpoint);
        urls.put("token_endpoint", tokenEndpoint);
        urls.put("jwks_uri", jwksUri);
        urls.put("registration_endpoint", registrationEndpoint);
        urls.forEach((field, url) -> PlatformUrls.problemWith(url)
                .ifPresent(
                        problem -> problems.add(field + " " + problem + (url == null ? "" : " (it is " + url + ")"))));
        if (PlatformUrls.problemWith(issuer).isEmpty()
                && !servedByIssuer()
                && !isServedElsewhere(issuersServedElsewhere)) {
            problems.add("issuer " + issuer + " does not match the configuration URL's origin "
                    + origin(configurationUrl).orElse(configurationUrl)
                    + ": a platform must publish its configuration from its own address");
        }
        return problems;
    }

    /**
     * Where the "close" message may go: the platform's own origins. With Canvas the page that
     * framed us is the institution's host, which the issuer (canvas.instructure.com) is not.
     */
    public List<String> closeMessageOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        origin(issuer).ifPresent(origins::add);
        origin(configurationUrl).ifPresent(origins::add);
        origin(registrationEndpoint).ifPresent(origins::add);
        if (accountDomain != null && accountDomain.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            origins.add("https://" + accountDomain.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(origins);
    }

    /** The issuer's origin is the configuration URL's, and the URL lies under the issuer's path. */
    private boolean servedByIssuer() {
        Optional<String> issuerOrigin = origin(issuer);
        if (issuerOrigin.isEmpty() || !issuerOrigin.equals(origin(configurationUrl))) {
            return false;
        }
        String issuerPath = stripTrailingSlash(URI.create(issuer).getRawPath());
        String configurationPath = URI.create(configurationUrl).getRawPath();
        return issuerPath.isEmpty()
                || (configurationPath != null
                        && (configurationPath.equals(issuerPath) || configurationPath.startsWith(issuerPath + "/")));
    }

    private boolean isServedElsewhere(List<String> issuersServedElsewhere) {
        String normalised = stripTrailingSlash(issuer);
        return issuersServedElsewhere.stream()
                .map(PlatformConfiguration::stripTrailingSlash)
                .anyMatch(normalised::equalsIgnoreCase);
    }

    /** scheme://host[:port] in lower case, without default ports; empty for anything else. */
    static Optional<String> origin(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String stripTrailingSlash(String value) {
        if (value == null) {
            return "";
        }
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        return list.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }

    private static Map<String, List<String>> messages(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (Object item : list) {
            Map<String, Object> message = object(item);
            String type = message == null ? null : string(message.get("type"));
            if (type != null) {
                List<String> placements = strings(message.get("placements"));
                messages.put(type, placements == null ? List.of() : placements);
            }
        }
        return messages;
    }
}
