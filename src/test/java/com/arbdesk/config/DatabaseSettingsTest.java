package com.arbdesk.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DATABASE_URL selects PostgreSQL and wins over DATABASE_PATH; its password never shows in what is printed. */
class DatabaseSettingsTest {

    @Test
    void withoutDatabaseUrlTheSqliteFileIsTheStore() {
        AppConfig c = ConfigReader.resolve(Map.of(), Map.of("DATABASE_PATH", "/tmp/a.db"), Map.of());
        assertEquals(Optional.empty(), c.databaseServer());
        assertEquals(Path.of("/tmp/a.db"), c.databasePath());
        assertEquals("/tmp/a.db", c.databaseDescription());
    }

    @Test
    void databaseUrlWinsAndCarriesUserAndPassword() {
        AppConfig c = ConfigReader.resolve(Map.of(), Map.of("DATABASE_PATH", "/tmp/a.db",
                "DATABASE_URL", "jdbc:postgresql://db:5432/desk", "DATABASE_USER", "desk", "DATABASE_PASSWORD", "pw-9f3k"), Map.of());
        AppConfig.DatabaseServer s = c.databaseServer().orElseThrow();
        assertEquals("jdbc:postgresql://db:5432/desk", s.url());
        assertEquals(Optional.of("desk"), s.user());
        assertEquals(Optional.of("pw-9f3k"), s.password());
        assertEquals("jdbc:postgresql://db:5432/desk", c.databaseDescription());
        assertFalse(c.toString().contains("pw-9f3k"), c.toString());
        assertFalse(s.toString().contains("pw-9f3k"), s.toString());
    }

    @Test
    void aPasswordParameterOfTheUrlIsMaskedInEveryPrintedForm() {
        AppConfig c = ConfigReader.resolve(Map.of(), Map.of(
                "DATABASE_URL", "jdbc:postgresql://db/desk?user=desk&password=s3cr3t&ssl=true"), Map.of());
        assertEquals("jdbc:postgresql://db/desk?user=desk&password=***&ssl=true", c.databaseDescription());
        assertFalse(c.toString().contains("s3cr3t"));
        assertEquals("jdbc:postgresql://db/desk?PASSWORD=***", new AppConfig.DatabaseServer(
                "jdbc:postgresql://db/desk?PASSWORD=x&", Optional.empty(), Optional.empty()).redactedUrl().replace("&", ""));
    }

    @Test
    void otherUrlsAndStrayCredentialsAreRefusedWithoutEchoingThem() {
        ConfigException notPg = assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(),
                Map.of("DATABASE_URL", "jdbc:mysql://db/desk?password=leak"), Map.of()));
        assertFalse(notPg.getMessage().contains("leak"), notPg.getMessage());
        assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), Map.of("DATABASE_PASSWORD", "pw"), Map.of()));
        assertThrows(ConfigException.class, () -> ConfigReader.resolve(Map.of(), Map.of("DATABASE_USER", "desk"), Map.of()));
        assertTrue(ConfigReader.resolve(Map.of(), Map.of("DATABASE_URL", " "), Map.of()).databaseServer().isEmpty());
    }
}
