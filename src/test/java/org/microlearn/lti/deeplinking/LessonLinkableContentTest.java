package org.microlearn.lti.deeplinking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microlearn.shared.CareerStage;
import org.microlearn.testsupport.Educators;
import org.microlearn.testsupport.MicrolearnTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The deep linking picker sees the platform's real lesson catalogue. */
@MicrolearnTest
class LessonLinkableContentTest {

    @Autowired
    LessonLinkableContent content;

    @Test
    void thePickerOffersTheStarterLibraryWithStagesAndDomains() {
        long district = Educators.district();
        List<DeepLinkableContent.Item> all = content.search(district, "", DeepLinkableContent.Filters.none());
        assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        assertThat(all).allSatisfy(item -> {
            assertThat(item.id()).matches("\\d+");
            assertThat(item.minutes()).isBetween(1, 12);
            assertThat(item.domain()).isNotBlank();
        });

        String leader = CareerStage.TEACHER_LEADER.label();
        List<DeepLinkableContent.Item> forLeaders =
                content.search(district, "", new DeepLinkableContent.Filters(null, leader));
        assertThat(forLeaders)
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.stages()).contains(leader));
        assertThat(forLeaders.size()).isLessThan(all.size());

        DeepLinkableContent.Item first = all.get(0);
        String competency = first.competencies().get(0);
        assertThat(content.search(district, "", new DeepLinkableContent.Filters(null, null, competency, null)))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.competencies()).contains(competency));
        int shortest =
                all.stream().mapToInt(DeepLinkableContent.Item::minutes).min().orElseThrow();
        assertThat(content.search(district, "", new DeepLinkableContent.Filters(null, null, null, shortest)))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.minutes()).isLessThanOrEqualTo(shortest));

        assertThat(content.find(district, first.id())).contains(first);
        assertThat(content.search(district, first.title(), DeepLinkableContent.Filters.none()))
                .extracting(DeepLinkableContent.Item::id)
                .contains(first.id());
    }
}
