package org.microlearn.lti.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds service URLs from the ones a platform hands us, keeping their query strings: Moodle's
 * line item {@code .../lineitem?type_id=1} has its scores at {@code .../lineitem/scores?type_id=1},
 * not at {@code .../lineitem?type_id=1/scores}.
 */
public final class ServiceUrls {

    private ServiceUrls() {}

    /** The URL with {@code segment} appended to its path, before any query string or fragment. */
    public static String withPathSegment(String url, String segment) {
        int end = firstOf(url, '?', '#');
        String path = url.substring(0, end);
        String rest = url.substring(end);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/" + segment + rest;
    }

    /** The URL with one more query parameter (value URL-encoded); null values leave it alone. */
    public static String withQueryParameter(String url, String name, String value) {
        if (value == null) {
            return url;
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + encode(name) + "=" + encode(value) + fragment;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int firstOf(String url, char a, char b) {
        int i = url.indexOf(a);
        int j = url.indexOf(b);
        if (i < 0) {
            return j < 0 ? url.length() : j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
