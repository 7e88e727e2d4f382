package org.microlearn.lti.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.microlearn.testsupport.MicrolearnTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MicrolearnTest
class LoginStatesTest {

    static final String TARGET = "http://localhost/lti/launch";

    @Autowired
    LoginStates logins;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePurgeRemovesExpiredLoginsAndKeepsLiveOnes() {
        LoginState expired = logins.start(1L, TARGET, null, Duration.ofMinutes(-1));
        LoginState live = logins.start(1L, TARGET, null, Duration.ofMinutes(5));

        logins.purgeExpired();

        assertThat(stored(expired.state())).isZero();
        assertThat(stored(live.state())).isOne();
        assertThat(logins.consume(live.state())).isPresent();
    }

    /**
     * MariaDB picks one of two deadlocked statements as the victim and rolls it back; the launch
     * whose login that was must still get it. A trigger makes the next delete such a victim once
     * (its flag lives in a MEMORY table, which the rollback does not undo).
     */
    @Test
    void aLoginTakenByADeadlockVictimIsTakenOnRetryAndOnlyOnce() {
        LoginState login = logins.start(1L, TARGET, null, Duration.ofMinutes(5));
        jdbc.sql("CREATE TABLE test_victim_once (armed BOOLEAN NOT NULL) ENGINE=MEMORY")
                .update();
        try {
            jdbc.sql("INSERT INTO test_victim_once VALUES (TRUE)").update();
            jdbc.sql("""
                            CREATE TRIGGER test_deadlock_victim BEFORE DELETE ON lti_login_state FOR EACH ROW
                            BEGIN
                                IF (SELECT armed FROM test_victim_once) THEN
                                    UPDATE test_victim_once SET armed = FALSE;
                                    SIGNAL SQLSTATE '40001' SET MESSAGE_TEXT = 'Deadlock found (test)';
                                END IF;
                            END""").update();

            assertThat(logins.consume(login.state()))
                    .get()
                    .extracting(LoginState::nonce)
                    .isEqualTo(login.nonce());
            assertThat(jdbc.sql("SELECT armed FROM test_victim_once")
                            .query(Boolean.class)
                            .single())
                    .as("the first attempt was the victim")
                    .isFalse();
            assertThat(logins.consume(login.state())).isEmpty();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS test_deadlock_victim").update();
            jdbc.sql("DROP TABLE test_victim_once").update();
        }
    }

    private int stored(String state) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_login_state WHERE state = ?")
                .param(state)
                .query(Integer.class)
                .single();
    }
}
