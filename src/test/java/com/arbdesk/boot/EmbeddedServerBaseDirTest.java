package com.arbdesk.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kept Tomcat base directory of {@code java -jar}: reused per build, never shared, never someone else's. */
class EmbeddedServerBaseDirTest {
    @TempDir
    Path tmp;

    private Path war(String name) throws Exception {
        Path war = tmp.resolve(name);
        Files.writeString(war, "not really a war");
        return war;
    }

    @Test
    void theSameBuildGetsItsDirectoryBackOnceTheFirstServerIsGone() throws Exception {
        Path war = war("arbdesk.war");
        EmbeddedServer.BaseDir first = EmbeddedServer.BaseDir.forWar(war, tmp);
        assertNotNull(first.lock(), "kept and locked");
        assertTrue(first.dir().getFileName().toString().startsWith(EmbeddedServer.BaseDir.PREFIX));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.dir())));
        Files.writeString(first.dir().resolve("expanded"), "kept");

        EmbeddedServer.BaseDir second = EmbeddedServer.BaseDir.forWar(war, tmp);
        assertNull(second.lock(), "a second server of the same build does not share it");
        assertNotEquals(first.dir(), second.dir());

        first.release();
        EmbeddedServer.BaseDir third = EmbeddedServer.BaseDir.forWar(war, tmp);
        assertEquals(first.dir(), third.dir());
        assertTrue(Files.exists(third.dir().resolve("expanded")), "what the last start unpacked is still there");
        third.release();
    }

    @Test
    void aNewBuildGetsANewDirectoryAndTheOldOneIsRemoved() throws Exception {
        Path war = war("arbdesk.war");
        EmbeddedServer.BaseDir old = EmbeddedServer.BaseDir.forWar(war, tmp);
        old.release();
        Files.setLastModifiedTime(war, FileTime.fromMillis(Files.getLastModifiedTime(war).toMillis() + 60_000));
        EmbeddedServer.BaseDir rebuilt = EmbeddedServer.BaseDir.forWar(war, tmp);
        assertNotNull(rebuilt.lock());
        assertNotEquals(old.dir(), rebuilt.dir());
        assertFalse(Files.exists(old.dir()), "the older build's directory, held by nobody, is gone");
        rebuilt.release();
    }

    @Test
    void aDirectoryOthersCouldWriteIsNeverUsed() throws Exception {
        Path war = war("arbdesk.war");
        Path planted = tmp.resolve(EmbeddedServer.BaseDir.PREFIX + EmbeddedServer.BaseDir.key(war));
        Files.createDirectory(planted);
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        EmbeddedServer.BaseDir base = EmbeddedServer.BaseDir.forWar(war, tmp);
        assertNull(base.lock(), "a fresh directory, deleted at exit");
        assertNotEquals(planted, base.dir());
    }
}
