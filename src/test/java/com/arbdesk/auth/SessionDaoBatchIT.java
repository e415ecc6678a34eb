package com.arbdesk.auth;

import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.testing.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@link SessionDaoBatchTest}'s checks on PostgreSQL, in the integration suite's PostgreSQL pass. */
class SessionDaoBatchIT {
    @Test
    void theBatchedReadsAgreeOnPostgreSql() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "the PostgreSQL pass runs this (-Ppostgres)");
        TestDatabase.Schema schema = TestDatabase.createSchema();
        Database db = Database.openServer(schema.url(), Optional.of(TestDatabase.user()), Optional.empty(), 2, "test schema");
        try {
            Migrations.apply(db);
            SessionDaoBatchTest.check(db);
        } finally {
            db.close();
            schema.drop();
        }
    }
}
