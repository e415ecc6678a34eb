package com.arbdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Entry point of the benchmark suite of issue #13: runs every scenario, prints the Markdown table and writes BENCHMARKS.md. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchConfig cfg = BenchConfig.parse(args);
        if (!Files.isRegularFile(cfg.war())) {
            System.err.println("no WAR at " + cfg.war() + ": build it first (./mvnw -Pbench -DskipTests package)");
            System.exit(2);
        }
        List<String> wrong = VectorCheck.disagreements();
        if (!wrong.isEmpty()) {
            System.err.println("the reference verifier disagrees with the IPN test vectors " + wrong + ": fix it before measuring");
            System.exit(2);
        }
        Instant started = Instant.now();
        Path work = Files.createTempDirectory("arbdesk-bench-");
        Results results = new Results();
        try (ProviderStub stub = ProviderStub.start()) {
            Targets.Secrets secrets = Targets.Secrets.random();
            Suite.log("work directory " + work + ", stub provider at " + stub.baseUrl());
            new Suite(cfg, results, work, new Targets(cfg.war(), secrets, stub.baseUrl(), work), secrets).run();
        } finally {
            String md = Report.markdown(cfg, results, started);
            System.out.println();
            System.out.println(md);
            Files.writeString(cfg.output(), md, StandardCharsets.UTF_8);
            deleteDatabases(work);
            Suite.log("wrote " + cfg.output().toAbsolutePath() + "; logs of the servers in " + work);
        }
        System.exit(results.failures().isEmpty() ? 0 : 1);
    }

    /** The snapshots are large (100k deposits); the server logs stay for reading. */
    private static void deleteDatabases(Path work) throws java.io.IOException {
        try (var files = Files.list(work)) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains(".db")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
