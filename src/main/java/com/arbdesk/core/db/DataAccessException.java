package com.arbdesk.core.db;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** An unexpected database failure; the fallback mapper answers 500 without internals. */
public class DataAccessException extends RuntimeException {
    /** PostgreSQL's SQLState for a unique or primary key violation. */
    static final String UNIQUE_VIOLATION = "23505";

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the SQL error is a UNIQUE or PRIMARY KEY violation (the race-proof guard of idempotent writes). */
    public static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
