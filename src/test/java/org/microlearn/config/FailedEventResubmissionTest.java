package org.microlearn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microlearn.shared.GradebookScoreChanged;
import org.microlearn.testsupport.MicrolearnTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

/** A score whose delivery listener failed is not left for the next restart. */
@MicrolearnTest
class FailedEventResubmissionTest {

    static final String LISTENER =
            "org.microlearn.lti.gradebook.ScoreDeliveryListener.on(org.microlearn.shared.GradebookScoreChanged)";

    @Autowired
    FailedEventResubmission resubmission;

    @Autowired
    EventSerializer serializer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFailedPublicationIsResubmittedAndReachesTheOutbox() {
        long educatorId = 900_000 + (System.nanoTime() % 99_999);
        Instant now = Instant.now();
        var score = new GradebookScoreChanged(
                77L,
                88L,
                educatorId,
                new GradebookScoreChanged.Column("lesson-1", "lesson", "Lesson 1", 100, null),
                100,
                100,
                "Completed",
                "FullyGraded",
                "done",
                now,
                now,
                now);
        jdbc.sql("""
                        INSERT INTO EVENT_PUBLICATION (ID, LISTENER_ID, EVENT_TYPE, SERIALIZED_EVENT, PUBLICATION_DATE,
                                                       STATUS, COMPLETION_ATTEMPTS)
                        VALUES (?, ?, ?, ?, ?, 'FAILED', 1)""")
                .params(
                        UUID.randomUUID().toString(),
                        LISTENER,
                        GradebookScoreChanged.class.getName(),
                        serializer.serialize(score).toString(),
                        java.sql.Timestamp.from(now.minusSeconds(120)))
                .update();

        resubmission.resubmit();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM lti_score_delivery WHERE educator_id = ?")
                                .param(educatorId)
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("SELECT comment FROM lti_score_delivery WHERE educator_id = ?")
                        .param(educatorId)
                        .query(String.class)
                        .single())
                .isEqualTo("done");
    }
}
