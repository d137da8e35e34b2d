package org.gms.server.security.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path folder;

    @Test
    void should_store_a_salted_hash_and_accept_only_the_right_password_when_a_user_is_added() throws Exception {
        UsersFile file = new UsersFile(folder.resolve("users.ini"));
        String hash = PasswordHashes.hash("correct horse".toCharArray());
        file.put(new AdminUser("ann", Role.SUPERVISOR, hash));

        String text = Files.readString(folder.resolve("users.ini"));
        assertThat(text).contains("[ann]", "role = Supervisor", "password = pbkdf2-sha256:210000:")
                .doesNotContain("correct horse");
        assertThat(PasswordHashes.hash("correct horse".toCharArray())).isNotEqualTo(hash);

        AdminUsers users = new AdminUsers(file);
        assertThat(users.authenticate("ann", "correct horse")).map(AdminUser::role).hasValue(Role.SUPERVISOR);
        assertThat(users.authenticate("ann", "correct horse")).isPresent();
        assertThat(users.authenticate("ann", "wrong horse")).isEmpty();
        assertThat(users.authenticate("bob", "correct horse")).isEmpty();
    }

    @Test
    void should_keep_other_users_and_see_the_change_when_a_user_is_replaced() throws Exception {
        UsersFile file = new UsersFile(folder.resolve("users.ini"));
        file.put(new AdminUser("ann", Role.ADMINISTRATOR, PasswordHashes.hash("first-pass".toCharArray())));
        file.put(new AdminUser("bob", Role.AGENT, PasswordHashes.hash("bob-pass-1".toCharArray())));
        AdminUsers users = new AdminUsers(file);
        assertThat(users.authenticate("ann", "first-pass")).isPresent();

        file.put(new AdminUser("ann", Role.ADMINISTRATOR, PasswordHashes.hash("second-pass".toCharArray())));
        assertThat(users.authenticate("ann", "first-pass")).isEmpty();
        assertThat(users.authenticate("ann", "second-pass")).isPresent();
        assertThat(file.users()).containsOnlyKeys("ann", "bob");
    }

    @Test
    void should_ignore_entries_without_a_valid_role_or_hash_when_the_file_is_read() throws Exception {
        Files.writeString(folder.resolve("users.ini"), "[ann]\nrole = Boss\npassword = x\n[bob]\nrole = Agent\n");
        assertThat(new UsersFile(folder.resolve("users.ini")).users()).isEmpty();
        assertThat(PasswordHashes.matches("x".toCharArray(), "plain")).isFalse();
    }

    @Test
    void should_answer_busy_not_wrong_when_the_password_check_cannot_start_while_another_runs() throws Exception {
        UsersFile file = new UsersFile(folder.resolve("users.ini"));
        file.put(new AdminUser("ann", Role.ADMINISTRATOR, PasswordHashes.hash("correct horse".toCharArray())));
        Semaphore hashing = new Semaphore(1);
        AdminUsers users = new AdminUsers(file, hashing, 50);

        hashing.acquire();
        assertThatThrownBy(() -> users.authenticate("ann", "correct horse"))
                .isInstanceOf(PasswordChecksBusyException.class).hasMessageContaining("retry");
        hashing.release();

        assertThat(users.authenticate("ann", "correct horse")).isPresent();
        assertThat(hashing.availablePermits()).isEqualTo(1);
    }

    @Test
    void should_let_two_users_logging_in_at_once_both_in_by_taking_turns() throws Exception {
        UsersFile file = new UsersFile(folder.resolve("users.ini"));
        file.put(new AdminUser("ann", Role.AGENT, PasswordHashes.hash("ann-pass".toCharArray())));
        file.put(new AdminUser("bob", Role.AGENT, PasswordHashes.hash("bob-pass".toCharArray())));
        Semaphore hashing = new Semaphore(1);
        AdminUsers users = new AdminUsers(file, hashing, 10_000);
        ExecutorService logins = Executors.newFixedThreadPool(2);
        try {
            hashing.acquire();
            Future<Optional<AdminUser>> ann = logins.submit(() -> users.authenticate("ann", "ann-pass"));
            Future<Optional<AdminUser>> bob = logins.submit(() -> users.authenticate("bob", "bob-pass"));
            hashing.release();

            assertThat(ann.get(20, TimeUnit.SECONDS)).map(AdminUser::name).hasValue("ann");
            assertThat(bob.get(20, TimeUnit.SECONDS)).map(AdminUser::name).hasValue("bob");
        } finally {
            logins.shutdownNow();
        }
    }

    @Test
    void should_refuse_at_once_when_too_many_logins_wait() throws Exception {
        UsersFile file = new UsersFile(folder.resolve("users.ini"));
        file.put(new AdminUser("ann", Role.AGENT, PasswordHashes.hash("ann-pass".toCharArray())));
        Semaphore hashing = new Semaphore(1);
        AdminUsers users = new AdminUsers(file, hashing, 30_000);
        ExecutorService waiters = Executors.newFixedThreadPool(AdminUsers.MAX_WAITING);
        try {
            hashing.acquire();
            for (int index = 0; index < AdminUsers.MAX_WAITING; index++) {
                waiters.submit(() -> users.authenticate("ann", "wrong"));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hashing.getQueueLength()
                    == AdminUsers.MAX_WAITING);

            long started = System.nanoTime();
            assertThatThrownBy(() -> users.authenticate("ann", "ann-pass"))
                    .isInstanceOf(PasswordChecksBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            waiters.shutdownNow();
            hashing.release();
        }
    }
}
