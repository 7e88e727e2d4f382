package org.microlearn.lti.gradebook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Grade passback delivery.
 *
 * @param enabled whether this node runs the delivery worker (every node may: leases keep them apart)
 * @param pollInterval pause between rounds when there was nothing (more) to do
 * @param batchSize deliveries one round claims
 * @param lease how long a claimed delivery belongs to the claiming worker; longer than a round
 *     takes, else another worker could send the same score again
 * @param threads platforms served in parallel; calls to one platform stay sequential
 * @param backoffBase first retry delay; it doubles per failed attempt, with jitter
 * @param backoffMax the longest retry delay
 * @param lineItemClaimTimeout a node that claimed a column's creation and went silent loses the
 *     claim after this
 */
@Validated
@ConfigurationProperties("microlearn.lti.gradebook")
record GradebookProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("PT2S") Duration pollInterval,
        @Positive @DefaultValue("200") int batchSize,
        @NotNull @DefaultValue("PT5M") Duration lease,
        @Positive @DefaultValue("4") int threads,
        @NotNull @DefaultValue("PT10S") Duration backoffBase,
        @NotNull @DefaultValue("PT1H") Duration backoffMax,
        @NotNull @DefaultValue("PT2M") Duration lineItemClaimTimeout) {}
