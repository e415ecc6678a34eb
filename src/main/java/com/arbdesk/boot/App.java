package com.arbdesk.boot;

import com.arbdesk.admin.AdminService;
import com.arbdesk.admin.AuditDao;
import com.arbdesk.alerts.AlertService;
import com.arbdesk.alerts.AlertStore;
import com.arbdesk.alerts.WebhookSender;
import com.arbdesk.alerts.WebhookUrls;
import com.arbdesk.arbitrage.ArbitrageService;
import com.arbdesk.arbitrage.ArbitrageSettings;
import com.arbdesk.arbitrage.CaptureOdds;
import com.arbdesk.arbitrage.EpisodeDao;
import com.arbdesk.arbitrage.EpisodeLog;
import com.arbdesk.arbitrage.MarketDataSources;
import com.arbdesk.arbitrage.SpreadHistory;
import com.arbdesk.arbitrage.SpreadHistoryDao;
import com.arbdesk.arbitrage.TransferBook;
import com.arbdesk.arbitrage.Transfers;
import com.arbdesk.auth.AuthService;
import com.arbdesk.auth.DemoAccounts;
import com.arbdesk.auth.JwtService;
import com.arbdesk.auth.LoginThrottle;
import com.arbdesk.auth.PasswordHasher;
import com.arbdesk.auth.PasswordPolicy;
import com.arbdesk.auth.RateLimiter;
import com.arbdesk.auth.RateStore;
import com.arbdesk.auth.Role;
import com.arbdesk.auth.SecondFactorChallenges;
import com.arbdesk.auth.SecondFactorDao;
import com.arbdesk.auth.SecondFactorService;
import com.arbdesk.auth.SessionDao;
import com.arbdesk.auth.SessionService;
import com.arbdesk.auth.SharedRateStore;
import com.arbdesk.auth.UserDao;
import com.arbdesk.config.AppConfig;
import com.arbdesk.core.db.Database;
import com.arbdesk.core.db.Dialect;
import com.arbdesk.core.db.Leadership;
import com.arbdesk.core.db.Migrations;
import com.arbdesk.core.db.Tx;
import com.arbdesk.core.events.EventBus;
import com.arbdesk.deposit.DepositAdmin;
import com.arbdesk.deposit.DepositDao;
import com.arbdesk.deposit.DepositReconciler;
import com.arbdesk.deposit.DepositService;
import com.arbdesk.deposit.DepositUpdater;
import com.arbdesk.deposit.DepositWatchDao;
import com.arbdesk.deposit.FiatValuation;
import com.arbdesk.deposit.IpnEventDao;
import com.arbdesk.deposit.IpnIntake;
import com.arbdesk.deposit.ReconcileSchedule;
import com.arbdesk.deposit.RejectedIpns;
import com.arbdesk.ledger.LedgerDao;
import com.arbdesk.ledger.LedgerService;
import com.arbdesk.ledger.TransactionDao;
import com.arbdesk.nowpayments.IpnVerifier;
import com.arbdesk.nowpayments.NowPaymentsClient;
import com.arbdesk.nowpayments.ProviderCheck;
import com.arbdesk.nowpayments.ProviderMonitor;
import com.arbdesk.nowpayments.RateBudget;
import com.arbdesk.realtime.LiveEventDao;
import com.arbdesk.realtime.LivePublisher;
import com.arbdesk.realtime.SessionRegistry;
import com.arbdesk.realtime.SharedUsedTokens;
import com.arbdesk.realtime.WsTokens;
import com.arbdesk.sandbox.SandboxService;
import com.arbdesk.web.Services;
import com.arbdesk.web.api.ArbitrageFeed;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/** The application's object graph, built once at start-up and kept in the servlet context. */
public final class App implements Services, AutoCloseable {
    private static final int READER_CONNECTIONS = 4;
    /** PostgreSQL connections per instance: transactions are short, and several instances share the server's limit. */
    private static final int SERVER_POOL_SIZE = 10;

    private final AppConfig config;
    private final Clock clock;
    private final Database database;
    private final EventBus events = new EventBus();
    private final AuthService auth;
    private final SecondFactorService secondFactor;
    private final LedgerService ledger;
    private final AdminService admin;
    private final String version;
    private final SandboxService sandbox;
    private final NowPaymentsClient provider;
    private final ProviderMonitor providerMonitor;
    private final DepositService deposits;
    private final DepositAdmin depositAdmin;
    private final IpnIntake ipnIntake;
    private final RejectedIpns rejectedIpns;
    private final DepositReconciler reconciler;
    private final WsTokens wsTokens;
    private final SessionRegistry sockets = new SessionRegistry();
    private final LivePublisher livePublisher;
    private final Database.Subscription liveFeed;
    private final Leadership backgroundWork;
    private final ArbitrageService arbitrage;
    private final ArbitrageFeed arbitrageFeed;
    private final AppMetrics metrics = new AppMetrics();
    private final SpreadHistory spreadHistory;
    private final EpisodeLog episodeLog;
    private final TransferBook transferBook;
    private final AlertService alerts;
    private final WebhookSender webhookSender;

    private App(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = config.databaseServer()
                .map(srv -> Database.openServer(srv.url(), srv.user(), srv.password(), SERVER_POOL_SIZE, srv.redactedUrl()))
                .orElseGet(() -> Database.open(config.databasePath(), READER_CONNECTIONS));
        Migrations.apply(database);
        Tx tx = new Tx(database);
        UserDao userDao = new UserDao();
        AppConfig.Throttles limits = config.throttles();
        SessionService sessions = new SessionService(tx, new SessionDao(), userDao, new JwtService(config.jwtSecret(), clock),
                events::publish, clock);
        // the abuse limits count in the database the instances share (PostgreSQL), else in this process
        Function<String, RateStore> rateStores = name -> database.dialect() == Dialect.POSTGRESQL
                ? new SharedRateStore(tx, database.dialect(), name) : new RateStore.Memory(RateLimiter.DEFAULT_MAX_KEYS);
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(limits.loginFailuresPerAddress(),
                limits.loginFailuresPerAccountAndAddress(), limits.loginFailureWindow()), rateStores, clock);
        this.secondFactor = new SecondFactorService(tx, new SecondFactorDao(), throttle, clock, !config.isDemo());
        this.auth = new AuthService(tx, userDao, new PasswordHasher(), PasswordPolicy.load(), sessions, throttle,
                new RateLimiter(limits.signupsPerAddressPerHour(), Duration.ofHours(1), rateStores.apply("signup-address"), clock),
                secondFactor, new SecondFactorChallenges(config.jwtSecret(), clock), clock);
        this.ledger = new LedgerService(tx, new LedgerDao(), new TransactionDao(), events, clock);
        this.admin = new AdminService(tx, auth, ledger, new AuditDao(), events, clock);
        this.version = readVersion();
        AppConfig.Sandbox sb = config.sandbox();
        this.sandbox = sb.enabled() ? new SandboxService(sb, config.nowPaymentsApiKey(), config.nowPaymentsIpnSecret(),
                config.baseUrl(), clock) : null;
        NowPaymentsClient.Settings settings = NowPaymentsClient.Settings.of(config.nowPaymentsApiUrl(), config.nowPaymentsApiKey());
        if (config.nowPaymentsEmail().isPresent()) {
            // only the payment list needs the dashboard login (a JWT from POST /auth)
            settings = settings.withCredentials(config.nowPaymentsEmail().get(), config.nowPaymentsPassword().orElseThrow());
        } else if (sandbox != null && config.nowPaymentsApiUrl().startsWith(config.baseUrl() + "/sandbox/")) {
            // the built-in sandbox accepts any login: demo mode can recover lost invoice IPNs out of the box
            settings = settings.withCredentials("merchant@sandbox.arbdesk.local", sandbox.issueToken());
        }
        this.provider = new NowPaymentsClient(settings, metrics.providerCalls());
        this.providerMonitor = new ProviderMonitor(provider, ProviderCheck.DEPOSIT_TICKERS, clock);
        DepositDao depositDao = new DepositDao();
        DepositWatchDao watchDao = new DepositWatchDao();
        IpnEventDao ipnDao = new IpnEventDao();
        AppConfig.Reconcile rc = config.reconcile();
        // the built-in sandbox reports "finished" with nothing received for payments it simulates in full, as the
        // provider's own sandbox does; against a real provider that is held for review instead
        boolean builtInSandbox = sandbox != null && config.nowPaymentsApiUrl().startsWith(config.baseUrl() + "/sandbox/");
        DepositUpdater updater = new DepositUpdater(tx, depositDao, watchDao,
                new ReconcileSchedule(rc.backoff(), rc.after(), rc.grace()), ipnDao, ledger, events, builtInSandbox, clock);
        FiatValuation valuation = new FiatValuation(tx, depositDao, provider, clock);
        this.deposits = new DepositService(tx, depositDao, updater, valuation, provider,
                new RateBudget(config.nowPaymentsCreatePerSecond(), clock, RateBudget.REAL_SLEEP), providerMonitor, events,
                config.baseUrl(), clock);
        this.rejectedIpns = new RejectedIpns(tx, ipnDao, clock, config.ops().ipnRejectedRetention());
        this.ipnIntake = new IpnIntake(tx, ipnDao, new IpnVerifier(config.nowPaymentsIpnSecret()), rejectedIpns, updater, valuation, clock,
                config.ipnMaxAmount());
        // the work that must run once among several instances on one PostgreSQL (always this one on SQLite)
        this.backgroundWork = database.leadership("background work");
        this.reconciler = DepositReconciler.create(tx, depositDao, watchDao, updater, valuation, provider,
                new RateBudget(rc.requestsPerSecond(), clock, RateBudget.REAL_SLEEP), backgroundWork::held, clock);
        this.depositAdmin = new DepositAdmin(tx, ipnDao, rejectedIpns, depositDao, deposits, watchDao, valuation, ipnIntake, updater, reconciler, rc,
                provider.canListPayments(), clock);
        this.wsTokens = new WsTokens(config.wsSecret(), new RateLimiter(limits.wsTokensPerAddressPerMinute(),
                Duration.ofMinutes(1), rateStores.apply("ws-token-address"), clock),
                database.dialect() == Dialect.POSTGRESQL ? new SharedUsedTokens(tx) : new WsTokens.InMemory(WsTokens.MAX_USED, clock), clock);
        this.livePublisher = new LivePublisher(tx, new LiveEventDao(), auth, ledger, sockets, clock);
        livePublisher.pruneOnlyWhile(backgroundWork::held);
        livePublisher.listenTo(events);
        // several instances on PostgreSQL: rows another instance committed reach the sockets this one holds
        this.liveFeed = database.listen(LiveEventDao.CHANNEL, livePublisher::wake);
        this.arbitrage = new ArbitrageService(MarketDataSources.of(config.arbitrage(), clock), ArbitrageSettings.of(config.arbitrage()), events, clock);
        // each announcement carries the delta of the shared list since the one before, computed once for every socket
        this.arbitrageFeed = new ArbitrageFeed(arbitrage, clock.millis());
        livePublisher.announceMarketWith(arbitrageFeed::next);
        metrics.watchDeposits(events, depositAdmin);
        metrics.watchDatabase(database);
        metrics.watchSockets(sockets);
        metrics.watchArbitrage(arbitrage, clock);
        this.episodeLog = new EpisodeLog(tx, new EpisodeDao(), clock);
        this.spreadHistory = new SpreadHistory(tx, new SpreadHistoryDao(), ArbitrageSettings.retention(config.arbitrage()),
                episodeLog, clock);
        // one instance records the shared spread history: every instance scans, but two would count each poll twice
        arbitrage.afterEachRound((at, found) -> {
            if (backgroundWork.held()) {
                spreadHistory.record(at, found);
            }
        });
        this.transferBook = MarketDataSources.transferBook(config.arbitrage());
        arbitrage.useTransfers(new Transfers(transferBook, new CaptureOdds(episodeLog::endedSince, clock)));
        AppConfig.Alerts al = config.alerts();
        // production refuses webhooks to loopback and private addresses (SSRF); demo and tests use local receivers
        WebhookUrls webhookUrls = new WebhookUrls(!config.isDemo());
        AlertStore alertStore = new AlertStore();
        this.webhookSender = new WebhookSender(tx, alertStore.deliveries(), alertStore.webhooks(), webhookUrls, al.webhookTimeout(),
                al.webhookBackoff(), clock);
        this.alerts = new AlertService(tx, alertStore, al, webhookUrls, arbitrage.settings(), events, webhookSender, clock);
        // alerts, like the history, are matched on one instance: two would fire (and post) each match twice
        arbitrage.afterEachRound((at, found) -> {
            if (backgroundWork.held()) {
                alerts.onRound(at, found);
            }
        });
    }

    /** Opens the database, applies migrations and seeds the configured and demo accounts. */
    public static App start(AppConfig config, Clock clock) {
        App app = new App(config, clock);
        app.rejectedIpns.start();
        if (config.isDemo()) {
            app.auth.ensureAccount(DemoAccounts.USER_EMAIL, DemoAccounts.USER_PASSWORD, Role.USER);
            app.auth.ensureAccount(DemoAccounts.ADMIN_EMAIL, DemoAccounts.ADMIN_PASSWORD, Role.ADMIN);
        }
        if (config.adminEmail().isPresent() && config.adminPassword().isPresent()) {
            app.auth.ensureAccount(config.adminEmail().get(), config.adminPassword().get(), Role.ADMIN);
        }
        if (!config.sandbox().only()) {
            app.providerMonitor.start();
            app.reconciler.start(config.reconcile().interval());
            app.episodeLog.restoreOpen();
            app.transferBook.start(config.arbitrage().exchanges(), config.arbitrage().pairs().stream()
                    .map(p -> p.substring(0, p.indexOf('/'))).distinct().toList());
            app.arbitrage.start();
            app.spreadHistory.start(Duration.ofMinutes(1), app.backgroundWork::held);
            app.webhookSender.start(app.backgroundWork::held);
            app.alerts.start();
        }
        return app;
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public EventBus events() {
        return events;
    }

    public SecondFactorService secondFactor() {
        return secondFactor;
    }

    @Override
    public AuthService auth() {
        return auth;
    }

    public LedgerService ledger() {
        return ledger;
    }

    public AdminService admin() {
        return admin;
    }

    /** The built-in provider sandbox; empty in production mode. */
    public Optional<SandboxService> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    public NowPaymentsClient provider() {
        return provider;
    }

    public DepositService deposits() {
        return deposits;
    }

    public DepositAdmin depositAdmin() {
        return depositAdmin;
    }

    public IpnIntake ipnIntake() {
        return ipnIntake;
    }

    @Override
    public ArbitrageFeed arbitrageFeed() {
        return arbitrageFeed;
    }

    @Override
    public LivePublisher livePublisher() {
        return livePublisher;
    }

    /** The open live sockets, for the WebSocket endpoint. */
    public SessionRegistry sockets() {
        return sockets;
    }

    public ArbitrageService arbitrage() {
        return arbitrage;
    }

    public SpreadHistory spreadHistory() {
        return spreadHistory;
    }

    public EpisodeLog episodeLog() {
        return episodeLog;
    }

    @Override
    public AlertService alerts() {
        return alerts;
    }

    public WsTokens wsTokens() {
        return wsTokens;
    }

    public ProviderMonitor providerMonitor() {
        return providerMonitor;
    }

    public String version() {
        return version;
    }

    @Override
    public io.micrometer.core.instrument.MeterRegistry metrics() {
        return metrics.registry();
    }

    @Override
    public String scrapeMetrics() {
        return metrics.registry().scrape();
    }

    @Override
    public void close() {
        arbitrage.close();
        transferBook.close();
        webhookSender.close();
        alerts.close();
        spreadHistory.close();
        reconciler.close();
        backgroundWork.close();
        liveFeed.close();
        livePublisher.close();
        rejectedIpns.close();
        providerMonitor.close();
        provider.close();
        metrics.close();
        if (sandbox != null) {
            sandbox.close();
        }
        database.close();
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = App.class.getResourceAsStream("/arbdesk-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
