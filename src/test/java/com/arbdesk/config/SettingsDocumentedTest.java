package com.arbdesk.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting AppConfig reads but the README's configuration table or .env.example does not mention fails here. */
class SettingsDocumentedTest {

    private static List<String> undocumentedIn(String file) throws IOException {
        String text = Files.readString(Path.of(file));
        return AppConfig.KEYS.stream().filter(k -> !text.contains(k)).toList();
    }

    @Test
    void everySettingIsInTheReadme() throws IOException {
        List<String> missing = undocumentedIn("README.md");
        assertTrue(missing.isEmpty(), "README.md does not mention " + missing);
    }

    @Test
    void everySettingIsInTheEnvExample() throws IOException {
        List<String> missing = undocumentedIn(".env.example");
        assertTrue(missing.isEmpty(), ".env.example does not mention " + missing);
    }
}
