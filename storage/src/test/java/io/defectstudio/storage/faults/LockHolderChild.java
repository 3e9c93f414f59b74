package io.defectstudio.storage.faults;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Child process: takes the database's write lock, says so, and holds it until its stdin says "release". */
public final class LockHolderChild {
    private LockHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             Statement s = c.createStatement();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("UPDATE project SET description = 'held by another process'");
            System.out.println("LOCKED");
            System.out.flush();
            in.readLine();
            s.execute("ROLLBACK");
        }
    }
}
