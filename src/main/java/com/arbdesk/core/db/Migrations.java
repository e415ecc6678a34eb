package com.arbdesk.core.db;

import org.flywaydb.core.Flyway;

/** Applies the Flyway migrations in classpath:db/migration at start-up. */
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
                .locations("classpath:db/migration")
                .load();
    }
}
