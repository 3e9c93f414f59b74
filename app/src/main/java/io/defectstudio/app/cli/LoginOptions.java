package io.defectstudio.app.cli;

import io.defectstudio.storage.ProjectOptions;
import picocli.CommandLine.Option;

/**
 * How a command logs in to a shared project's database. The password is never an argument's value on the command
 * line (it would sit in the shell history): it comes from {@code ~/.pgpass}, or {@code --password} asks for it.
 */
final class LoginOptions {
    @Option(names = "--user", description = "Database role to log in as (default: the URL's user, else your login"
            + " name).")
    String user;

    @Option(names = "--password", interactive = true, arity = "0",
            description = "Ask for the database password instead of reading ~/.pgpass.")
    char[] password;

    ProjectOptions options() {
        return ProjectOptions.defaults().withLogin(user, password == null ? null : new String(password));
    }
}
