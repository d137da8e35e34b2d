package org.gms.server.tools;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gms.server.security.SecurityHandlers;
import org.gms.server.security.auth.AdminUser;
import org.gms.server.security.auth.PasswordHashes;
import org.gms.server.security.auth.Role;
import org.gms.server.security.auth.UsersFile;

/**
 * Adds or replaces a user of the admin API in {@code etc/users.ini}:
 * {@code AddUser [--users FILE] NAME ROLE [QUEUES]}, QUEUES being the comma-separated queues an agent serves (none:
 * every queue). The password is asked twice on a terminal, or read from the first line of standard input when there
 * is none (for scripts). The running server sees the change at once.
 */
public final class AddUser {

    private AddUser() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("gms.home", ".")).toAbsolutePath().normalize().resolve("etc")
                .resolve(SecurityHandlers.USERS_FILE);
        int first = 0;
        if (args.length >= 2 && args[0].equals("--users")) {
            file = Path.of(args[1]);
            first = 2;
        }
        if (args.length - first != 2 && args.length - first != 3) {
            fail("usage: AddUser [--users FILE] NAME ROLE [QUEUES]   (ROLE: Administrator, Supervisor or Agent;"
                    + " QUEUES: the queues an agent serves, comma-separated, default every queue)");
        }
        List<String> queues = new ArrayList<>();
        if (args.length - first == 3) {
            for (String queue : args[first + 2].split(",")) {
                if (!queue.isBlank()) {
                    queues.add(queue.trim());
                }
            }
        }
        String name = args[first];
        Optional<Role> role = Role.parse(args[first + 1]);
        if (!name.matches("[A-Za-z0-9._@-]+")) {
            fail("User name [" + name + "] may hold only letters, digits and . _ @ -");
        }
        if (role.isEmpty()) {
            fail("Unknown role [" + args[first + 1] + "]: use Administrator, Supervisor or Agent");
        }
        char[] password = readPassword();
        if (password.length < 8) {
            fail("The password needs at least 8 characters");
        }
        try {
            new UsersFile(file).put(new AdminUser(name, role.get(), PasswordHashes.hash(password), queues));
        } finally {
            Arrays.fill(password, '\0');
        }
        System.out.println("User " + name + " (" + role.get().label() + ") saved in " + file.toAbsolutePath());
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] password = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            if (password == null || !Arrays.equals(password, again)) {
                fail("The passwords differ");
            }
            return password;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            fail("No password on standard input");
        }
        return line.toCharArray();
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
