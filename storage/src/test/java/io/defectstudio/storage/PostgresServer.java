package io.defectstudio.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package binaries, a throw-away data folder and a
 * free loopback port, password authentication only, TLS offered (a self-signed certificate made with openssl). One
 * per test JVM, started on first use and stopped at exit.
 * Passwords reach the driver the way a station's do, through a pgpass file (named by {@code org.postgresql.pgpassfile},
 * which child processes inherit through {@link #childJvmArguments()}).
 */
public final class PostgresServer {
    public static final String ADMIN = "ds_admin";
    private static final String PGPASS_PROPERTY = "org.postgresql.pgpassfile";
    private static PostgresServer shared;

    private final Path bin;
    private final Path dataFolder;
    private final Path pgpass;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private final List<String> pgpassLines = new ArrayList<>();

    private PostgresServer(Path bin, Path home) throws IOException {
        this.bin = bin;
        this.dataFolder = home.resolve("data");
        this.pgpass = home.resolve("pgpass");
        this.port = freePort();
    }

    /** The server of this test JVM, started on first call. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                PostgresServer server = new PostgresServer(findBinaries(), Files.createTempDirectory("ds-postgres"));
                server.initialise();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete));
                shared = server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static Path findBinaries() {
        String configured = System.getenv("DS_POSTGRES_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                        .orElseThrow(PostgresServer::notInstalled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw notInstalled();
    }

    private static IllegalStateException notInstalled() {
        return new IllegalStateException("the PostgreSQL tests need the server binaries: apt-get install postgresql"
                + " (Debian), or set DS_POSTGRES_BIN to the folder holding initdb and pg_ctl");
    }

    private void initialise() throws IOException {
        String password = "admin-" + Long.toHexString(System.nanoTime());
        Path passwordFile = Files.writeString(dataFolder.resolveSibling("admin-password"), password);
        Files.createDirectories(dataFolder);
        giveToServerUser(dataFolder.getParent());
        run(List.of(bin.resolve("initdb").toString(), "-D", dataFolder.toString(), "-U", ADMIN,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        Files.delete(passwordFile);
        // A self-signed certificate, so that the server offers TLS as a line's server should.
        run(List.of("openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", dataFolder.resolve("server.key").toString(),
                "-out", dataFolder.resolve("server.crt").toString()));
        run(List.of("chmod", "600", dataFolder.resolve("server.key").toString()));
        addLogin(ADMIN, password);
    }

    /** Lets {@code user} log in with {@code password} through the pgpass file, as a station's ~/.pgpass would. */
    public synchronized void addLogin(String user, String password) {
        pgpassLines.add("127.0.0.1:" + port + ":*:" + user + ":" + password);
        try {
            Files.write(pgpass, pgpassLines, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PGPASS_PROPERTY, pgpass.toString());
    }

    public void start() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataFolder.toString(), "-l",
                dataFolder.resolveSibling("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataFolder.getParent()
                        + " -c max_connections=200 -c ssl=on", "start"));
    }

    /** Stops the server the fast way: sessions are cut off, committed work is kept. */
    public void stop() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dataFolder.toString(), "-m", "fast", "-w", "stop"));
    }

    private void stopAndDelete() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // Already stopped.
        }
        try (Stream<Path> files = Files.walk(dataFolder.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder; the system cleans it up eventually.
        }
    }

    /** An empty database on this server, and the JDBC URL a station uses for it (no password in it). */
    public String newDatabase() {
        String name = "project_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return url(name, ADMIN);
    }

    public String url(String database, String user) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + user;
    }

    public static String databaseOf(String url) {
        String path = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Runs statements as the server's superuser in {@code database}. */
    public void sql(String database, String... statements) {
        try (Connection c = DriverManager.getConnection(url(database, ADMIN));
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("admin SQL failed: " + e.getMessage(), e);
        }
    }

    private void admin(String statement) {
        sql("postgres", statement);
    }

    /** JVM options that give a child process this server's logins. */
    public static List<String> childJvmArguments() {
        String file = System.getProperty(PGPASS_PROPERTY);
        return file == null ? List.of() : List.of("-D" + PGPASS_PROPERTY + "=" + file);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // PostgreSQL refuses to run as root; a root test run (a CI container) hands the server to the postgres user.
    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToServerUser(Path folder) {
        if (root()) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
        }
    }

    private static void run(List<String> command) {
        run(command, root());
    }

    private static void run(List<String> command, boolean asServerUser) {
        List<String> full = new ArrayList<>();
        if (asServerUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }
}
