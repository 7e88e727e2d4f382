package org.microlearn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RecentWritesTest {

    final RecentWrites recent = new RecentWrites(Duration.ofMinutes(5), 100);
    final AtomicInteger writes = new AtomicInteger();

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    long write() {
        writes.incrementAndGet();
        return 42L;
    }

    @Test
    void theSameFactsAreWrittenOnceAfterCommit() {
        TransactionSynchronizationManager.initSynchronization();
        assertThat(recent.writeUnlessRecent("facts", this::write)).isEqualTo(42L);
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(recent.writeUnlessRecent("facts", this::write)).isEqualTo(42L);
        assertThat(writes).hasValue(1);
        recent.writeUnlessRecent("other facts", this::write);
        assertThat(writes).hasValue(2);
    }

    @Test
    void aRolledBackWriteIsNotRemembered() {
        TransactionSynchronizationManager.initSynchronization();
        recent.writeUnlessRecent("facts", this::write);
        TransactionSynchronizationManager.clearSynchronization(); // rolled back: no afterCommit

        assertThat(recent.recent("facts")).isEmpty();
        recent.writeUnlessRecent("facts", this::write);
        assertThat(writes).hasValue(2);
    }
}
