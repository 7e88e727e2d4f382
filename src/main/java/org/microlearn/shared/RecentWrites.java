package org.microlearn.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers, for a few minutes, rows this node has just written, so that a launch repeating the
 * same facts (the same teacher, course and endpoints) skips the upsert. An entry is remembered
 * only once its transaction has committed, so a rollback never leaves a false memory.
 */
public final class RecentWrites {

    private final Cache<Object, Long> written;

    public RecentWrites(Duration memory, long maximumSize) {
        this.written = Caffeine.newBuilder()
                .expireAfterWrite(memory)
                .maximumSize(maximumSize)
                .build();
    }

    /**
     * The id remembered for exactly these facts, or the one {@code write} returns (the write
     * runs in the caller's transaction and is remembered after it commits).
     */
    public long writeUnlessRecent(Object facts, Supplier<Long> write) {
        Long known = written.getIfPresent(facts);
        if (known != null) {
            return known;
        }
        long id = write.get();
        rememberAfterCommit(facts, id);
        return id;
    }

    public Optional<Long> recent(Object facts) {
        return Optional.ofNullable(written.getIfPresent(facts));
    }

    private void rememberAfterCommit(Object facts, long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    written.put(facts, id);
                }
            });
        } else {
            written.put(facts, id);
        }
    }
}
