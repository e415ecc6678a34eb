package com.arbdesk.core.db;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteCommitListener;
import org.sqlite.SQLiteConnection;

/** Counts the commits on a database's single writer connection, that is its write transactions (for tests). */
public final class WriteCommits implements SQLiteCommitListener {
    private final AtomicInteger commits = new AtomicInteger();

    private WriteCommits() {
    }

    public static WriteCommits on(Database db) {
        WriteCommits w = new WriteCommits();
        try {
            db.writer().unwrap(SQLiteConnection.class).addCommitListener(w);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return w;
    }

    public int count() {
        return commits.get();
    }

    @Override
    public void onCommit() {
        commits.incrementAndGet();
    }

    @Override
    public void onRollback() {
    }
}
