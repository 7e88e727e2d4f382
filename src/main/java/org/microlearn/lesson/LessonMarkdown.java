package org.microlearn.lesson;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns authored Markdown into HTML that is safe to put on a page as is.
 *
 * <p>Two layers, because lesson text comes from any coach in any district and is shown to every
 * teacher: commonmark escapes raw HTML and drops unsafe link URLs, then an OWASP allow-list policy
 * keeps only formatting, http(s) and mailto links (marked {@code rel="nofollow noopener"}) and
 * https images. No script, style, event handler or {@code javascript:} URL survives either layer.
 */
@Component
public class LessonMarkdown {

    private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s<>\"]+$", Pattern.CASE_INSENSITIVE);

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(
                    "p",
                    "br",
                    "hr",
                    "strong",
                    "em",
                    "b",
                    "i",
                    "code",
                    "pre",
                    "blockquote",
                    "ul",
                    "ol",
                    "li",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "a",
                    "img",
                    "table",
                    "thead",
                    "tbody",
                    "tr",
                    "th",
                    "td")
            .allowUrlProtocols("https", "http", "mailto")
            .allowAttributes("href")
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .allowAttributes("src")
            .matching(Pattern.compile("^https://[^\\s<>\"]+$", Pattern.CASE_INSENSITIVE))
            .onElements("img")
            .allowAttributes("alt", "title")
            .onElements("img")
            .allowAttributes("start")
            .matching(Pattern.compile("\\d{1,4}"))
            .onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** Sanitised HTML for the Markdown; empty for none. */
    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }

    /** Whether a link may be shown: http(s) only. */
    public static boolean isWebUrl(String url) {
        return url != null && HTTP_URL.matcher(url.trim()).matches();
    }
}
