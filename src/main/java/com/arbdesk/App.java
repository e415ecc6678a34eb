package com.arbdesk;

import com.arbdesk.admin.AdminService;
import com.arbdesk.admin.AuditDao;
import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.JwtService;
import com.arbdesk.auth.LoginThrottle;
import com.arbdesk.auth.PasswordHasher;
import com.arbdesk.auth.Role;
import com.arbdesk.auth.UserDao;
import com.arbdesk.config.AppConfig;
import com.arbdesk.db.Database;
import com.arbdesk.db.Migrations;
import com.arbdesk.db.Tx;
import com.arbdesk.ledger.LedgerDao;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.ledger.TransactionDao;
import com.arbdesk.realtime.LiveEvents;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Properties;

/** The application's object graph, built once at start-up and kept in the servlet context. */
public final class App implements AutoCloseable {
    public static final String ATTRIBUTE = App.class.getName();
    public static final String DEMO_USER_EMAIL = "demo@arbdesk.local";
    public static final String DEMO_USER_PASSWORD = "demo-password";
    public static final String DEMO_ADMIN_EMAIL = "admin@arbdesk.local";
    public static final String DEMO_ADMIN_PASSWORD = "admin-password";
    private static final int READER_CONNECTIONS = 4;

    private final AppConfig config;
    private final Clock clock;
    private final Database database;
    private final LiveEvents events = new LiveEvents();
    private final AuthService auth;
    private final LedgerService ledger;
    private final AdminService admin;
    private final String version;

    private App(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = Database.open(config.databasePath(), READER_CONNECTIONS);
        Migrations.apply(database);
        Tx tx = new Tx(database);
        this.auth = new AuthService(tx, new UserDao(), new PasswordHasher(), new JwtService(config.jwtSecret(), clock),
                new LoginThrottle(clock), clock);
        this.ledger = new LedgerService(tx, new LedgerDao(), new TransactionDao(), events, clock);
        this.admin = new AdminService(tx, auth, ledger, new AuditDao(), clock);
        this.version = readVersion();
    }

    /** Opens the database, applies migrations and seeds the configured and demo accounts. */
    public static App start(AppConfig config, Clock clock) {
        App app = new App(config, clock);
        if (config.isDemo()) {
            app.auth.ensureAccount(DEMO_USER_EMAIL, DEMO_USER_PASSWORD, Role.USER);
            app.auth.ensureAccount(DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, Role.ADMIN);
        }
        if (config.adminEmail().isPresent() && config.adminPassword().isPresent()) {
            app.auth.ensureAccount(config.adminEmail().get(), config.adminPassword().get(), Role.ADMIN);
        }
        return app;
    }

    public static App from(ServletContext ctx) {
        App app = (App) ctx.getAttribute(ATTRIBUTE);
        if (app == null) {
            throw new IllegalStateException("ArbDesk did not start; see the start-up log");
        }
        return app;
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public LiveEvents events() {
        return events;
    }

    public AuthService auth() {
        return auth;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public AdminService admin() {
        return admin;
    }

    public String version() {
        return version;
    }

    @Override
    public void close() {
        database.close();
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = App.class.getResourceAsStream("/arbdesk-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
