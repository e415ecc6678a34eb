package com.arbdesk.boot;

import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.config.AppConfig;
import com.arbdesk.config.ConfigException;
import com.arbdesk.config.ConfigReader;
import com.arbdesk.sandbox.SandboxService;
import com.arbdesk.web.RecordElResolver;
import com.arbdesk.web.Services;
import com.arbdesk.web.live.LiveEndpointConfigurator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

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
        app.sandbox().ifPresent(s -> ctx.setAttribute(SandboxService.ATTRIBUTE, s));
        RecordElResolver.install(ctx);
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
        if (logging != null) {
            logging.close();
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
        String conf = ctx.getInitParameter("arbdesk.ARBDESK_CONF");
        if (conf != null) {
            out.put("ARBDESK_CONF", conf);
        }
        return out;
    }
}
