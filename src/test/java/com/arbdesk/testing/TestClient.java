package com.arbdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An HTTP client for integration tests: keeps cookies like a browser, never follows redirects, parses JSON. */
public final class TestClient {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String bearer;

    /** Builds clients for a server this harness did not start (a standalone Tomcat, say). */
    public record Factory(String base) {
        public TestClient client() {
            return new TestClient(base);
        }
    }

    TestClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response with helpers for the JSON body. */
    public record Res(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** Sends later requests with this bearer token instead of relying on cookies. */
    public TestClient withBearer(String token) {
        this.bearer = token;
        return this;
    }

    public Res get(String path) {
        return send(builder(path).GET());
    }

    public Res postJson(String path, String json) {
        return postJson(path, json, Map.of());
    }

    public Res postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b);
    }

    /** A JSON POST carrying the XSRF cookie's value in X-CSRF-Token, as the pages' scripts do. */
    public Res postJsonWithCsrf(String path, String json) {
        return postJson(path, json, Map.of("X-CSRF-Token", cookie("XSRF-TOKEN").orElse("")));
    }

    public Res postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form POST with the _csrf field filled from the cookie (GET a page first to receive it). */
    public Res postFormWithCsrf(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie yet")));
        return postForm(path, all);
    }

    public Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new AssertionError("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    /** Plants a cookie for this server, as an attacker's page could on a shared parent domain. */
    public void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), c);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }

    /** Signs up over the API (the session cookie is kept) and returns the token. */
    public String signup(String email, String password) {
        Res r = postJson("/api/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 201) {
            throw new AssertionError("signup failed: " + r.status() + " " + r.body());
        }
        return r.json().path("token").asText();
    }

    /** Logs in over the API (the session cookie is kept) and returns the token. */
    public String login(String email, String password) {
        Res r = postJson("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.json().path("token").asText();
    }
}
