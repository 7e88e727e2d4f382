package org.microlearn.lti.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/** Platform URLs must be https; plain http is allowed only for loopback hosts (development, tests). */
public final class PlatformUrls {

    private PlatformUrls() {}

    /** Why the URL is unacceptable, or empty when it is fine. */
    public static Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return Optional.of("must be an absolute URL");
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("must use https (http only for localhost)");
    }

    /** The origin (scheme, host and port) of an absolute URL, e.g. for postMessage targets. */
    public static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // never resolve names here: only literal addresses count
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
