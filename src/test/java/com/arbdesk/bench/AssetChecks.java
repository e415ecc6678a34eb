package com.arbdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The transfer checks: is a stylesheet of the dashboard gzipped and cacheable, and how big is the opportunities list. */
public final class AssetChecks {
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");

    private AssetChecks() {
    }

    /** One line per resource: status, Content-Encoding, Cache-Control and bytes on the wire (asked with Accept-Encoding: gzip). */
    public static List<String> run(Server app, Accounts.Account user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        String page = client.send(LoadGenerator.request(app.baseUrl() + "/dashboard").header("Cookie", Accounts.cookie(user)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> paths = new ArrayList<>();
        Matcher m = ASSET.matcher(page);
        while (m.find() && paths.size() < 2) {
            paths.add(m.group(1));
        }
        paths.add("/api/arbitrage/opportunities");
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<byte[]> r = client.send(LoadGenerator.request(app.baseUrl() + path).header("Accept-Encoding", "gzip")
                    .header("Authorization", Accounts.bearer(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
            lines.add(String.format("`GET %s`: HTTP %d, Content-Encoding %s, Cache-Control %s, %,d bytes on the wire", path,
                    r.statusCode(), r.headers().firstValue("Content-Encoding").orElse("none"),
                    r.headers().firstValue("Cache-Control").orElse("none"), r.body().length));
        }
        return lines;
    }
}
