package com.arbdesk.core.db;

import org.flywaydb.core.Flyway;

/** Applies the Flyway migrations in classpath:db/migration at start-up. */
public final class Migrations {
    private Migrations() {
    }

    public static int apply(Database db) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
