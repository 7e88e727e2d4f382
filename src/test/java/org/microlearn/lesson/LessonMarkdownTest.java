package org.microlearn.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Authored Markdown comes from any coach in any district: nothing in it may run in a reader's browser. */
class LessonMarkdownTest {

    /** An event handler attribute inside a real tag (escaped text such as "&lt;img onerror" is harmless). */
    private static final String ACTIVE_ATTRIBUTE = "(?i)<[a-z][^>]*\\son[a-z]+\\s*=";

    private final LessonMarkdown markdown = new LessonMarkdown();

    @Test
    void formattingListsAndLinksSurviveWithLinksMarkedNofollowNoopener() {
        String html = markdown.toSafeHtml("""
                Some **bold** and *emphasis*.

                - one
                - two

                See [the guide](https://example.org/guide).
                """);
        assertThat(html)
                .contains("<strong>bold</strong>")
                .contains("<em>emphasis</em>")
                .contains("<li>one</li>")
                .contains("href=\"https://example.org/guide\"")
                .containsPattern("rel=\"(nofollow noopener|noopener nofollow)\"");
    }

    @Test
    void anAuthoredScriptNeverReachesThePage() {
        String html = markdown.toSafeHtml("Hello <script>alert('x')</script> world\n\n<script>steal()</script>");
        assertThat(html).doesNotContain("<script").contains("Hello");
    }

    @Test
    void rawHtmlWithEventHandlersIsShownAsTextNeverAsMarkup() {
        String html = markdown.toSafeHtml("<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">\n\n"
                + "![chart](https://example.org/chart.png)");
        assertThat(html).doesNotContainPattern(ACTIVE_ATTRIBUTE).contains("&lt;img");
        assertThat(html).contains("<img src=\"https://example.org/chart.png\" alt=\"chart\"");
    }

    @Test
    void eventHandlersThatGetPastMarkdownAreStrippedByTheSanitiser() {
        // An image title is the one place Markdown itself writes an attribute from authored text.
        String html = markdown.toSafeHtml("![x](https://example.org/x.png \"a\\\" onerror=\\\"alert(1)\")");
        assertThat(html).doesNotContainPattern(ACTIVE_ATTRIBUTE);
    }

    @Test
    void javascriptAndDataUrlsAreNotLinked() {
        String html = markdown.toSafeHtml("[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)"
                + " <a href=\"javascript:alert(2)\">raw</a>");
        assertThat(html)
                .doesNotContainPattern("(?i)href=\"\\s*javascript:")
                .doesNotContainPattern("(?i)href=\"\\s*data:")
                .contains("&lt;a href");
    }

    @Test
    void imagesLoadOnlyOverHttps() {
        assertThat(markdown.toSafeHtml("![x](http://example.org/x.png)")).doesNotContain("src=");
        assertThat(markdown.toSafeHtml("![x](https://example.org/x.png)")).contains("<img");
    }

    @Test
    void stylesAndIframesAreRemoved() {
        String html =
                markdown.toSafeHtml("<style>body{display:none}</style><iframe src=\"https://evil.example\"></iframe>"
                        + "<p style=\"position:fixed\">text</p>");
        assertThat(html).doesNotContain("<style").doesNotContain("<iframe").doesNotContainPattern("<p[^>]*style=");
    }

    @Test
    void onlyWebAddressesCountAsVideoLinks() {
        assertThat(LessonMarkdown.isWebUrl("https://www.youtube.com/watch?v=abc"))
                .isTrue();
        assertThat(LessonMarkdown.isWebUrl("http://example.org/video.mp4")).isTrue();
        assertThat(LessonMarkdown.isWebUrl("javascript:alert(1)")).isFalse();
        assertThat(LessonMarkdown.isWebUrl("data:text/html,<script>")).isFalse();
        assertThat(LessonMarkdown.isWebUrl("https://example.org/\" onmouseover=\"x"))
                .isFalse();
    }
}
