package org.microlearn.lti.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceUrlsTest {

    @Test
    void appendsPathSegmentsBeforeMoodlesQueryString() {
        assertThat(ServiceUrls.withPathSegment(
                        "http://m.example/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1", "scores"))
                .isEqualTo("http://m.example/mod/lti/services.php/2/lineitems/2/lineitem/scores?type_id=1");
        assertThat(ServiceUrls.withPathSegment("https://c.example/api/lti/courses/1/line_items/5", "results"))
                .isEqualTo("https://c.example/api/lti/courses/1/line_items/5/results");
        assertThat(ServiceUrls.withPathSegment("https://c.example/items/5/#frag", "scores"))
                .isEqualTo("https://c.example/items/5/scores#frag");
    }

    @Test
    void addsEncodedQueryParametersToExistingOnes() {
        assertThat(ServiceUrls.withQueryParameter("http://m.example/lineitems?type_id=1", "tag", "rubric:a b&c"))
                .isEqualTo("http://m.example/lineitems?type_id=1&tag=rubric%3Aa%20b%26c");
        assertThat(ServiceUrls.withQueryParameter("https://c.example/items", "resource_id", "l1"))
                .isEqualTo("https://c.example/items?resource_id=l1");
        assertThat(ServiceUrls.withQueryParameter("https://c.example/items", "resource_id", null))
                .isEqualTo("https://c.example/items");
    }
}
