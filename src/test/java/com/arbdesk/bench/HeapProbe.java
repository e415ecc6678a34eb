package com.arbdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Live heap of a child JVM: {@code jcmd <pid> GC.class_histogram} (which runs a full GC first), its Total bytes. */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static long liveBytes(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Targets.jcmd(), String.valueOf(pid), "GC.class_histogram"))
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd did not finish within 60 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3 && f[0].equals("Total")) {
                return Long.parseLong(f[2]);
            }
        }
        throw new IllegalStateException("no Total line in jcmd output: " + text.substring(0, Math.min(200, text.length())));
    }
}
