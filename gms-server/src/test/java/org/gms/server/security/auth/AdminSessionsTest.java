package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gms.storage.test.MovableClock;
import org.junit.jupiter.api.Test;

class AdminSessionsTest {

    private final MovableClock clock = new MovableClock();
    private final AdminUser ann = new AdminUser("ann", Role.ADMINISTRATOR, "");

    @Test
    void should_expire_a_session_when_it_is_idle_longer_than_the_timeout() {
        AdminSessions sessions = new AdminSessions(clock);
        String token = sessions.open(ann, 10, Duration.ofMinutes(20)).orElseThrow().token();
        clock.advance(Duration.ofMinutes(19));
        assertThat(sessions.use(token, Duration.ofMinutes(20))).map(AdminSessions.Active::user).hasValue(ann);
        clock.advance(Duration.ofMinutes(19));
        assertThat(sessions.use(token, Duration.ofMinutes(20))).map(AdminSessions.Active::user).hasValue(ann);
        clock.advance(Duration.ofMinutes(21));
        assertThat(sessions.use(token, Duration.ofMinutes(20))).isEmpty();
        assertThat(sessions.use("made-up", Duration.ofMinutes(20))).isEmpty();
    }

    @Test
    void should_open_no_more_sessions_when_max_sessions_are_live() {
        AdminSessions sessions = new AdminSessions(clock);
        assertThat(sessions.open(ann, 2, Duration.ofMinutes(20))).isPresent();
        assertThat(sessions.open(ann, 2, Duration.ofMinutes(20))).isPresent();
        assertThat(sessions.open(ann, 2, Duration.ofMinutes(20))).isEmpty();
        clock.advance(Duration.ofMinutes(21));
        assertThat(sessions.open(ann, 2, Duration.ofMinutes(20))).isPresent();
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void should_give_each_session_its_own_csrf_token_and_match_only_that_one() {
        AdminSessions sessions = new AdminSessions(clock);
        AdminSessions.Active first = sessions.open(ann, 10, Duration.ofMinutes(20)).orElseThrow();
        AdminSessions.Active second = sessions.open(ann, 10, Duration.ofMinutes(20)).orElseThrow();

        assertThat(first.csrfToken()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(second.csrfToken())
                .isNotEqualTo(first.token());
        assertThat(sessions.use(first.token(), Duration.ofMinutes(20)).orElseThrow().csrfMatches(first.csrfToken()))
                .isTrue();
        assertThat(first.csrfMatches(second.csrfToken())).isFalse();
        assertThat(first.csrfMatches(null)).isFalse();
        assertThat(first.csrfMatches("")).isFalse();
    }
}
