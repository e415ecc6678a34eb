package com.arbdesk.boot;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.config.AppConfig;
import com.arbdesk.config.ConfigException;
import com.arbdesk.config.ConfigReader;
import com.arbdesk.sandbox.SandboxApplication;
import com.arbdesk.sandbox.SandboxService;
import com.arbdesk.web.CachedExpressions;
import com.arbdesk.web.RecordElResolver;
import com.arbdesk.web.Services;
import com.arbdesk.web.live.LiveEndpointConfigurator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Starts ArbDesk when the web application starts and stops it with the container. A configuration
 * error stops start-up with one line naming the variable.
 */
public final class Bootstrap implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    private Logging logging;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext ctx = event.getServletContext();
        logging = Logging.install();
        AppConfig config;
        try {
            config = ConfigReader.load(overrides(ctx), ctx.getContextPath());
        } catch (ConfigException e) {
            LOG.severe("ArbDesk cannot start: " + e.getMessage());
            throw e;
        }
        Logging.useFormat(config.logFormat().wire());
        config.warnings().forEach(w -> LOG.warning(w));
        App app = App.start(config, Clock.systemUTC());
        ctx.setAttribute(Services.ATTRIBUTE, app);
        LiveEndpointConfigurator.deploy(ctx, app.sockets(), app.livePublisher());
        app.sandbox().ifPresent(s -> {
            ctx.setAttribute(SandboxService.ATTRIBUTE, s);
            // registered here, not found by Jersey's scan: production, which has no sandbox, never builds its application
            ServletRegistration.Dynamic api = ctx.addServlet("sandbox-api", new ServletContainer(new SandboxApplication(s)));
            api.addMapping(SandboxApplication.PATH + "/*");
            api.setLoadOnStartup(1);
            api.setAsyncSupported(true);
        });
        RecordElResolver.install(ctx);
        CachedExpressions.install(ctx);
        StringBuilder banner = new StringBuilder("ArbDesk " + app.version() + " is running at " + config.baseUrl() + "/ ("
                + config.mode().name().toLowerCase(java.util.Locale.ROOT) + " mode, database " + config.databaseDescription() + ")");
        if (config.sandbox().only()) {
            // sandbox-only mode exists for other applications to develop against: they need its (throwaway) keys
            banner = new StringBuilder("NOWPayments sandbox is running at " + config.baseUrl() + "/sandbox/nowpayments/v1"
                    + "\n  x-api-key:  " + config.nowPaymentsApiKey()
                    + "\n  IPN secret: " + config.nowPaymentsIpnSecret()
                    + "\n  control page: " + config.baseUrl() + "/sandbox/nowpayments/");
        } else if (config.isDemo()) {
            banner.append("\n  demo user:  ").append(DemoAccounts.USER_EMAIL).append(" / ").append(DemoAccounts.USER_PASSWORD)
                    .append("\n  demo admin: ").append(DemoAccounts.ADMIN_EMAIL).append(" / ").append(DemoAccounts.ADMIN_PASSWORD);
        }
        LOG.info(banner.toString());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Object app = event.getServletContext().getAttribute(Services.ATTRIBUTE);
        if (app instanceof App a) {
            a.close();
        }
        deregisterDrivers();
        if (logging != null) {
            logging.close();
        }
    }

    /**
     * The JDBC drivers this application's jars registered: left registered, they pin its class loader after a
     * standalone Tomcat undeploys it, and Tomcat warns about it on every stop.
     */
    private static void deregisterDrivers() {
        ClassLoader mine = Bootstrap.class.getClassLoader();
        for (Driver d : Collections.list(DriverManager.getDrivers())) {
            if (d.getClass().getClassLoader() == mine) {
                try {
                    DriverManager.deregisterDriver(d);
                } catch (SQLException e) {
                    LOG.warning("could not deregister the JDBC driver " + d.getClass().getName() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Context parameters named like the settings (set by the embedded launcher and tests) override the environment. */
    private static Map<String, String> overrides(ServletContext ctx) {
        Map<String, String> out = new HashMap<>();
        for (String key : AppConfig.KEYS) {
            String v = ctx.getInitParameter("arbdesk." + key);
            if (v != null) {
                out.put(key, v);
            }
        }
        for (String key : new String[] {"ARBDESK_CONF", ConfigReader.ISOLATED}) {
            String v = ctx.getInitParameter("arbdesk." + key);
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }
}
