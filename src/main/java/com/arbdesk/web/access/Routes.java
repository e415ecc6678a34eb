package com.arbdesk.web.access;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds the route a request will reach, from the servlet Tomcat has mapped it to (never from the raw
 * URI), and that route's declared {@link AccessRule}: a page servlet's class annotations, a WebSocket
 * endpoint's, static files (public), or a JAX-RS application (whose methods are checked one by one by
 * {@link AccessFeature}). Anything else, the JSP servlet included, is denied.
 */
public final class Routes {
    private static final String JERSEY = "org.glassfish.jersey.servlet.ServletContainer";
    private static final String STATIC_FILES = "org.apache.catalina.servlets.DefaultServlet";

    /** What answers a route, which decides how a refusal is answered (JSON or a page). */
    public enum Kind {
        PAGE, API, STATIC, SOCKET
    }

    /** A route's kind and rule. */
    public record Route(Kind kind, AccessRule rule) {
        public boolean answersJson() {
            return kind == Kind.API || kind == Kind.SOCKET;
        }
    }

    private static final Route DENIED_PAGE = new Route(Kind.PAGE, AccessRule.DENIED);

    private final ServletContext context;
    private final Map<String, Route> sockets;
    private final Map<String, Route> byServlet = new ConcurrentHashMap<>();

    public Routes(ServletContext context, List<Class<?>> socketEndpoints) {
        this.context = context;
        this.sockets = socketEndpoints.stream().collect(Collectors.toUnmodifiableMap(
                c -> c.getAnnotation(ServerEndpoint.class).value(), c -> new Route(Kind.SOCKET, AccessRule.of(c)),
                (a, b) -> a));
    }

    /** The path inside the application that Tomcat routed on: servlet path plus path info, decoded and normalised. */
    public static String pathOf(HttpServletRequest req) {
        String info = req.getPathInfo();
        return req.getServletPath() + (info == null ? "" : info);
    }

    public Route of(HttpServletRequest req) {
        Route socket = sockets.get(pathOf(req));
        if (socket != null) {
            return socket; // the WebSocket filter upgrades on exactly this normalised path
        }
        HttpServletMapping mapping = req.getHttpServletMapping();
        if (mapping == null || mapping.getServletName() == null) {
            return DENIED_PAGE;
        }
        return byServlet.computeIfAbsent(mapping.getServletName(), this::resolve);
    }

    private Route resolve(String servletName) {
        ServletRegistration reg = context.getServletRegistration(servletName);
        String className = reg == null ? null : reg.getClassName();
        if (className == null) {
            return DENIED_PAGE;
        }
        if (className.equals(JERSEY)) {
            return new Route(Kind.API, AccessRule.PUBLIC); // checked per resource method by AccessFeature
        }
        if (className.equals(STATIC_FILES)) {
            return new Route(Kind.STATIC, AccessRule.PUBLIC);
        }
        Class<?> servlet = ownClass(className);
        if (servlet == null) {
            return DENIED_PAGE;
        }
        return new Route(servlet.isAnnotationPresent(JsonRoute.class) ? Kind.API : Kind.PAGE, AccessRule.of(servlet));
    }

    /** One of ArbDesk's own servlet classes; a container servlet (the JSP compiler, say) declares nothing and is denied. */
    private Class<?> ownClass(String className) {
        if (!className.startsWith("com.arbdesk.")) {
            return null;
        }
        try {
            return Class.forName(className, false, context.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
