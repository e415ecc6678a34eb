package com.arbdesk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.boot.App;
import com.arbdesk.testing.RawHttp.Answer;
import com.arbdesk.testing.RawHttp;
import com.arbdesk.testing.TestClient;
import com.arbdesk.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the README's page and API tables, in its canonical spelling and in every variant an
 * attacker tries ({@code //x}, {@code /./x}, {@code /a/../x}, {@code x;p}, encoded letters, {@code %2f},
 * double encoding, backslashes, a trailing slash), sent byte for byte as anonymous, user and admin.
 * A refused caller never succeeds, a variant is refused with 400, and nothing answers 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathVariantMatrixIT {
    private static final Pattern ROUTE = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^` ?]*)");

    enum Who { ANYONE, USER, ADMIN }

    record Route(String method, String template, Who who) {
    }

    TestServer server;
    final Map<Who, String> tokens = new LinkedHashMap<>();
    long userId;
    long depositId;
    long ipnId;

    /** Demo mode: the sandbox provides a real deposit and a real IPN to aim the id routes at. */
    @BeforeAll
    void start() {
        server = TestServer.start(Map.of("SANDBOX_STEP_MILLIS", "20"));
        login(Who.USER);
        login(Who.ADMIN);
        TestClient user = server.client().withBearer(tokens.get(Who.USER));
        userId = user.get("/api/me").json().path("id").asLong();
        JsonNode d = user.postJson("/api/deposits/create",
                "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\",\"mode\":\"payment\"}").json();
        depositId = d.path("transaction_id").asLong();
        assertEquals(200, server.client().postJson("/sandbox/nowpayments/control/payments/" + d.path("payment_id").asText()
                + "/pay", "{}").status());
        TestClient admin = server.client().withBearer(tokens.get(Who.ADMIN));
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode ipns = admin.get("/api/admin/ipn").json();
        while (ipns.isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(100);
            ipns = admin.get("/api/admin/ipn").json();
        }
        assertTrue(ipns.size() > 0, "the sandbox's IPN arrived");
        ipnId = ipns.get(0).path("id").asLong();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    void login(Who who) {
        tokens.put(who, who == Who.ADMIN ? server.client().login(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD)
                : server.client().login(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD));
    }

    /** The routes of the README's "Access control" (pages) and "API" tables, with who may call each. */
    static List<Route> readmeRoutes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<Route> routes = new ArrayList<>();
        for (String section : List.of("## Access control", "## API")) {
            String text = readme.substring(readme.indexOf(section));
            text = text.substring(0, text.indexOf("\n## ", 4) < 0 ? text.length() : text.indexOf("\n## ", 4));
            for (String line : text.split("\n")) {
                String[] cells = line.split("\\|");
                if (!line.startsWith("| `") || cells.length < 3) {
                    continue;
                }
                String who = cells[2].trim();
                Who w = who.startsWith("admin") ? Who.ADMIN : who.startsWith("user") ? Who.USER : Who.ANYONE;
                Matcher m = ROUTE.matcher(cells[1]);
                while (m.find()) {
                    routes.add(new Route(m.group(1), m.group(2), w));
                }
            }
        }
        return routes;
    }

    private String concrete(String template) {
        return template.replaceAll("users/\\{id}", "users/" + userId).replaceAll("deposits/\\{id}", "deposits/" + depositId)
                .replaceAll("ipn/\\{id}", "ipn/" + ipnId)
                .replaceAll("(rules|deliveries)/\\{id}", "$1/999999"); // nobody's: the owner check answers 404
    }

    /** The spellings of one path that must not reach code under another access rule. */
    static Set<String> variants(String path) {
        String rest = path.substring(1);
        String[] seg = rest.split("/", -1);
        int k = seg.length > 1 ? 1 : 0; // the segment that names the area (admin in /api/admin/...)
        Set<String> out = new LinkedHashSet<>();
        out.add("/" + path);
        out.add("/./" + rest);
        out.add("/z/../" + rest);
        out.add("/z/%2e%2e/" + rest);
        out.add(replaceSegment(seg, 0, seg[0] + ";p"));
        out.add(replaceSegment(seg, k, seg[k] + ";"));
        if (!seg[k].isEmpty()) {
            String c = seg[k].substring(0, 1);
            out.add(replaceSegment(seg, k, String.format("%%%02x", (int) c.charAt(0)) + seg[k].substring(1)));
            out.add(replaceSegment(seg, k, String.format("%%25%02x", (int) c.charAt(0)) + seg[k].substring(1)));
        }
        if (seg.length > 1) {
            out.add("/" + seg[0] + "%2f" + String.join("/", java.util.Arrays.copyOfRange(seg, 1, seg.length)));
            out.add("/" + seg[0] + "%2F" + String.join("/", java.util.Arrays.copyOfRange(seg, 1, seg.length)));
            out.add("/" + seg[0] + "\\" + String.join("/", java.util.Arrays.copyOfRange(seg, 1, seg.length)));
        }
        out.add(path + "/");
        out.remove(path);
        return out;
    }

    private static String replaceSegment(String[] seg, int i, String with) {
        String[] copy = seg.clone();
        copy[i] = with;
        return "/" + String.join("/", copy);
    }

    private String body(Route r, String path) {
        if (!r.method().equals("POST")) {
            return null;
        }
        if (path.endsWith("/adjustments")) {
            return path.startsWith("/api/") ? "{\"amount_usd\":\"1.00\",\"reason\":\"variant probe\"}"
                    : "amount_usd=1.00&reason=variant+probe";
        }
        if (path.endsWith("/disabled")) {
            return "{\"disabled\":false}";
        }
        if (path.endsWith("/deposits/create")) {
            return "{\"currency\":\"USDT\",\"network\":\"TRC20\",\"amount_usd\":\"20.00\",\"mode\":\"payment\"}";
        }
        return path.startsWith("/api/") ? "{}" : "";
    }

    private Answer call(Route r, String target, Who caller) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (caller != Who.ANYONE) {
            headers.put("Authorization", "Bearer " + tokens.get(caller));
        }
        String body = body(r, concrete(r.template()));
        if (body != null) {
            headers.put("Content-Type", target.startsWith("/api/") || body.startsWith("{") ? "application/json"
                    : "application/x-www-form-urlencoded");
        }
        return RawHttp.send(server.port(), r.method(), target, headers, body);
    }

    private static boolean refusedFor(Route r, Who caller) {
        return switch (r.who()) {
            case ANYONE -> false;
            case USER -> caller == Who.ANYONE;
            case ADMIN -> caller != Who.ADMIN;
        };
    }

    /** A failure of ours; 503 is the provider being down (the production run has no provider), a clear answer. */
    private static boolean serverError(Answer a) {
        return a.status() >= 500 && a.status() != 503;
    }

    /** A refused caller gets 401/403, or a page's redirect to the login page; anything else got through. */
    private static boolean succeeded(Answer a) {
        String location = a.header("Location");
        boolean toLogin = location != null && location.contains("/login");
        return a.status() < 400 && !toLogin;
    }

    @Test
    void noSpellingOfAnyRouteLetsARefusedCallerIn() throws IOException {
        List<Route> routes = readmeRoutes();
        assertTrue(routes.size() >= 35, "the README tables list the routes: " + routes);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Route r : routes) {
            String path = concrete(r.template());
            // public routes have nobody to refuse: they are called anonymously (a logout with a token would end it)
            List<Who> callers = r.who() == Who.ANYONE ? List.of(Who.ANYONE) : List.of(Who.values());
            for (Who caller : callers) {
                Answer canonical = call(r, path, caller);
                calls++;
                String label = r.method() + " " + path + " as " + caller;
                if (serverError(canonical)) {
                    failures.add(label + ": " + canonical.status());
                } else if (refusedFor(r, caller) && succeeded(canonical)) {
                    failures.add(label + ": refused caller got " + canonical.status());
                } else if (r.who() != Who.ANYONE && !refusedFor(r, caller)
                        && (canonical.status() == 401 || canonical.status() == 403)) {
                    failures.add(label + ": allowed caller got " + canonical.status());
                }
                for (String variant : variants(path)) {
                    Answer a = call(r, variant, caller);
                    calls++;
                    String vlabel = r.method() + " " + variant + " as " + caller;
                    boolean trailing = variant.equals(path + "/");
                    if (serverError(a)) {
                        failures.add(vlabel + ": " + a.status());
                    } else if (refusedFor(r, caller) && succeeded(a)) {
                        failures.add(vlabel + ": refused caller got " + a.status());
                    } else if (!trailing && a.status() != 400) {
                        failures.add(vlabel + ": a non-canonical path must be refused with 400, got " + a.status());
                    }
                    if (a.header("Server") != null || a.body().contains("Tomcat")) {
                        failures.add(vlabel + ": the answer names the server");
                    }
                }
                if (caller != Who.ANYONE && server.client().withBearer(tokens.get(caller)).get("/api/me").status() == 401) {
                    login(caller); // the route ended the caller's sessions (log out everywhere): carry on with a new one
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + calls + " calls went wrong:\n" + String.join("\n", failures));
    }

    @Test
    void theWebSocketOriginCheckHoldsForEverySpelling() {
        Map<String, String> upgrade = new LinkedHashMap<>();
        upgrade.put("Upgrade", "websocket");
        upgrade.put("Connection", "Upgrade");
        upgrade.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        upgrade.put("Sec-WebSocket-Version", "13");
        upgrade.put("Authorization", "Bearer " + tokens.get(Who.USER));
        Map<String, String> evil = new LinkedHashMap<>(upgrade);
        evil.put("Origin", "http://evil.example");
        List<String> failures = new ArrayList<>();
        Set<String> spellings = new LinkedHashSet<>(variants("/ws"));
        spellings.addAll(List.of("/ws;x", "/./ws", "/%77s", "//ws", "/ws/", "/z/../ws"));
        for (String target : spellings) {
            Answer a = RawHttp.send(server.port(), "GET", target, evil, null);
            if (a.status() == 101 || a.status() >= 500) {
                failures.add(target + " from a foreign origin: " + a.status());
            }
        }
        assertEquals(403, RawHttp.send(server.port(), "GET", "/ws", evil, null).status());
        Map<String, String> own = new LinkedHashMap<>(upgrade);
        own.put("Origin", server.baseUrl());
        assertEquals(101, RawHttp.send(server.port(), "GET", "/ws", own, null).status(), "the page's own origin connects");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
