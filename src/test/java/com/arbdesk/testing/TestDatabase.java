package com.arbdesk.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which database the integration tests run on: SQLite (the default, a temp file per server) or, with
 * {@code -Darbdesk.it.db=postgres} (the {@code -Ppostgres} profile), a fresh PostgreSQL schema per server on the
 * server named by {@code arbdesk.it.pgUrl} (default the local test database), dropped when the server stops.
 */
public final class TestDatabase {
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabase() {
    }

    /** True when this run puts every test server on PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("arbdesk.it.db", "sqlite").trim());
    }

    public static String serverUrl() {
        return System.getProperty("arbdesk.it.pgUrl", DEFAULT_PG_URL);
    }

    public static String user() {
        return System.getProperty("arbdesk.it.pgUser", "postgres");
    }

    /** A new empty schema; its JDBC URL selects it as the connection's current schema (Flyway migrates it). */
    public static Schema createSchema() {
        String name = "it_" + HexFormat.of().formatHex(bytes());
        try (Connection c = connect(serverUrl()); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + name + " on " + serverUrl()
                    + " (is PostgreSQL running? -Darbdesk.it.db=postgres needs it)", e);
        }
        String sep = serverUrl().contains("?") ? "&" : "?";
        return new Schema(name, serverUrl() + sep + "currentSchema=" + name);
    }

    private static byte[] bytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), System.getProperty("arbdesk.it.pgPassword", ""));
    }

    /** One test server's schema. */
    public record Schema(String name, String url) {
        /** The settings that point a test server at this schema. */
        public Map<String, String> settings() {
            String password = System.getProperty("arbdesk.it.pgPassword", "");
            return password.isEmpty() ? Map.of("DATABASE_URL", url, "DATABASE_USER", user())
                    : Map.of("DATABASE_URL", url, "DATABASE_USER", user(), "DATABASE_PASSWORD", password);
        }

        public void drop() {
            try (Connection c = connect(serverUrl()); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + name + ": " + e.getMessage());
            }
        }
    }
}
