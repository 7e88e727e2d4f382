package org.microlearn.lti.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeadersTest {

    @Test
    void findsNextAmongCanvasLinks() {
        String canvas =
                "<https://canvas.example/api/lti/courses/1/names_and_roles?page=1&per_page=50>; rel=\"current\","
                        + "<https://canvas.example/api/lti/courses/1/names_and_roles?page=2&per_page=50>; rel=\"next\","
                        + "<https://canvas.example/api/lti/courses/1/names_and_roles?page=1&per_page=50>; rel=\"first\"";
        assertThat(LinkHeaders.next(List.of(canvas)))
                .hasValue("https://canvas.example/api/lti/courses/1/names_and_roles?page=2&per_page=50");
    }

    @Test
    void toleratesTypographicQuotesAsSentAndAsMisreadByAnHttpClient() {
        assertThat(LinkHeaders.next(List.of("<https://m.example/l?from=2>; rel=“next”")))
                .hasValue("https://m.example/l?from=2");
        String utf8ReadAsLatin1 = new String(
                "<https://m.example/l?from=3>; rel=“next”".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(LinkHeaders.next(List.of(utf8ReadAsLatin1))).hasValue("https://m.example/l?from=3");
        assertThat(LinkHeaders.next(List.of("<https://m.example/l?from=4>; REL=?next?")))
                .hasValue("https://m.example/l?from=4");
    }

    @Test
    void readsSeveralHeadersUnquotedAndMultiValuedRelations() {
        assertThat(LinkHeaders.next(List.of("<https://a/1>; rel=prev", "<https://a/3>; rel=next")))
                .hasValue("https://a/3");
        assertThat(LinkHeaders.next(List.of("<https://a/4>; title=\"x\"; rel=\"last next\"")))
                .hasValue("https://a/4");
    }

    @Test
    void noNextLinkMeansTheLastPage() {
        assertThat(LinkHeaders.next(List.of("<https://a/1>; rel=\"first\", <https://a/9>; rel=\"last\"")))
                .isEmpty();
        assertThat(LinkHeaders.next(List.of())).isEmpty();
        assertThat(LinkHeaders.next(List.of("<https://a/nextpage>; rel=\"prev\"")))
                .isEmpty();
    }
}
