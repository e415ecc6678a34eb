package com.arbdesk.core.db;

import org.flywaydb.core.Flyway;

/**
 * Applies the Flyway migrations of the database's dialect at start-up: classpath:db/migration for SQLite (the
 * files existing databases were built from, never edited) and classpath:db/postgresql for PostgreSQL, which holds
 * the same version numbers written for PostgreSQL. MigrationDialectsTest keeps the two folders in step.
 */
public final class Migrations {
    private Migrations() {
    }

    public static int apply(Database db) {
        return flyway(db).migrate().migrationsExecuted;
    }

    /** How many migrations of this build are not applied to the database (the readiness check wants none). */
    public static int pending(Database db) {
        return flyway(db).info().pending().length;
    }

    private static Flyway flyway(Database db) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations(db.dialect().migrationLocation())
                .load();
    }
}
