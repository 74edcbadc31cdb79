package dev.aios.standalone.platform;

import dev.aios.agent.Role;
import dev.aios.agent.heartbeat.HeartbeatStore;
import dev.aios.agent.messaging.AmqpConnections;
import dev.aios.agent.messaging.BrokerDialect;
import dev.aios.agent.messaging.BrokerTopology;
import dev.aios.agent.messaging.EnvelopePublisher;
import dev.aios.agent.messaging.InboxStore;
import dev.aios.agent.messaging.MessagingAssembly;
import dev.aios.agent.messaging.MessagingProperties;
import dev.aios.agent.messaging.MessagingSettings;
import dev.aios.agent.messaging.RabbitEnvelopePublisher;
import dev.aios.agent.messaging.ReliableConsumers;
import dev.aios.agent.messaging.runtime.AgentAssembly;
import dev.aios.agent.messaging.runtime.AgentProperties;
import dev.aios.agent.messaging.runtime.AgentRuntime;
import dev.aios.agent.persona.BuilderAgent;
import dev.aios.agent.template.BaseAgent;
import dev.aios.agents.cto.CtoAgent;
import dev.aios.agents.qa.QaAgent;
import dev.aios.knowledge.KnowledgeBase;
import dev.aios.orchestrator.OrchestratorApplication;
import dev.aios.router.LlmRouterApplication;
import dev.aios.router.budget.BudgetGuard;
import dev.aios.router.cassette.CassetteRecorder;
import dev.aios.router.cassette.ExchangeRecorder;
import dev.aios.router.client.HttpLlmClient;
import dev.aios.router.client.LlmClient;
import dev.aios.router.client.RouterToken;
import dev.aios.standalone.infra.Endpoints;
import dev.aios.standalone.tokens.LocalTokens;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The whole system in this JVM: the router and the orchestrator as their own Spring Boot applications (each with
 * its own configuration), and the five personas on the agent runtime, all talking through the broker as they do
 * when deployed apart.
 */
public final class Platform implements AutoCloseable {
    /** Auto-configurations the router must not run: the database and the knowledge base belong to the orchestrator. */
    private static final String ROUTER_EXCLUDES = String.join(
            ",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "dev.aios.orchestrator.knowledge.KnowledgeConfiguration",
            // the orchestrator's resource server for people is on this class path too; the router's callers are
            // services, which its own security (ADR 0041) authenticates
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration");

    /**
     * Auto-configurations that reach the orchestrator only through the shared classpath: the agents' router client
     * (the orchestrator calls no model, and holds no router token).
     */
    private static final String ORCHESTRATOR_EXCLUDES = "dev.aios.agent.persona.router.RouterClientAutoConfiguration";

    /** The router client the in-JVM agents authenticate as (ADR 0041). */
    static final String ROUTER_CLIENT = "standalone";

    /** The router client the orchestrator reads budgets as: the one name the router lets read them by default. */
    static final String ORCHESTRATOR_CLIENT = "orchestrator";

    private static final Duration ROUTER_TIMEOUT = Duration.ofMinutes(3);

    static final String AGENT_KEY_PREFIX = "";
    static final int AGENT_PREFETCH = 1;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final int apiPort;
    private Optional<CassetteRecorder> recorder = Optional.empty();

    private Platform(int apiPort) {
        this.apiPort = apiPort;
    }

    /**
     * Starts the router (with {@code routerSettings}: record or replay), the orchestrator (trusting the tokens of
     * {@code tokens}) and the agents; both HTTP servers listen on {@code bindAddress} only.
     */
    public static Platform start(
            Endpoints endpoints,
            KnowledgeBase knowledge,
            LocalTokens tokens,
            int apiPort,
            int routerPort,
            String bindAddress,
            Map<String, Object> routerSettings) {
        Platform platform = new Platform(apiPort);
        try {
            platform.startAll(endpoints, knowledge, tokens, routerPort, bindAddress, routerSettings);
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    public int apiPort() {
        return apiPort;
    }

    /** The router's cassette recorder, when this run records. */
    public Optional<CassetteRecorder> recorder() {
        return recorder;
    }

    private void startAll(
            Endpoints endpoints,
            KnowledgeBase knowledge,
            LocalTokens tokens,
            int routerPort,
            String bindAddress,
            Map<String, Object> routerSettings) {
        // fresh tokens each boot, only in memory: the router knows their digests, the agents and the orchestrator
        // their own token
        RouterToken agentsToken = RouterToken.generate();
        RouterToken orchestratorToken = RouterToken.generate();
        Map<String, Object> router = new LinkedHashMap<>(endpoints.springProperties());
        router.putAll(routerSettings);
        router.put("aios.router.clients." + ROUTER_CLIENT + ".token-sha256", agentsToken.sha256Hex());
        router.put("aios.router.clients." + ORCHESTRATOR_CLIENT + ".token-sha256", orchestratorToken.sha256Hex());
        router.put("spring.autoconfigure.exclude", ROUTER_EXCLUDES);
        router.put("server.port", routerPort);
        router.put("server.address", bindAddress);
        ConfigurableApplicationContext routerContext = ServiceContexts.start(
                LlmRouterApplication.class,
                routerPort > 0 ? WebApplicationType.SERVLET : WebApplicationType.NONE,
                router,
                c -> {});
        running.add(routerContext);
        Optional<URI> routerUrl = routerPort > 0 ? Optional.of(baseUrl(routerContext, bindAddress)) : Optional.empty();
        LlmClient llm = routerUrl
                .<LlmClient>map(url -> new HttpLlmClient(url, agentsToken, ROUTER_TIMEOUT))
                .orElseGet(() -> routerContext.getBean(LlmClient.class));
        if (routerContext.getBean(ExchangeRecorder.class) instanceof CassetteRecorder cassette) {
            recorder = Optional.of(cassette);
        }

        Map<String, Object> orchestrator = new LinkedHashMap<>(endpoints.springProperties());
        orchestrator.put("server.port", apiPort);
        orchestrator.put("server.address", bindAddress);
        orchestrator.putAll(tokens.orchestratorProperties());
        orchestrator.put("spring.autoconfigure.exclude", ORCHESTRATOR_EXCLUDES);
        // the board's reserved budget: read from the router over HTTP as the orchestrator's own service when the router
        // listens (up), from its ledger in this JVM when it does not (the demo)
        orchestrator.put(
                "aios.orchestrator.router.url", routerUrl.map(URI::toString).orElse(""));
        orchestrator.put("aios.orchestrator.router.token", routerUrl.isPresent() ? orchestratorToken.value() : "");
        ConfigurableApplicationContext orchestratorContext =
                ServiceContexts.start(OrchestratorApplication.class, WebApplicationType.SERVLET, orchestrator, c -> {
                    c.getBeanFactory().registerSingleton("knowledgeBase", knowledge);
                    if (routerUrl.isEmpty()) {
                        c.getBeanFactory()
                                .registerSingleton(
                                        "routerLedger",
                                        new InProcessRouterLedger(routerContext.getBean(BudgetGuard.class)));
                    }
                });
        running.add(orchestratorContext);

        startAgents(endpoints, llm);
    }

    /**
     * Where the router listens (as in {@code up}): the agents call it over HTTP with their token, exactly as deployed
     * services do, and the orchestrator reads budgets with its own; without a web server (the demo) both use it
     * in-process, where there is nothing to authenticate.
     */
    private static URI baseUrl(ConfigurableApplicationContext router, String bindAddress) {
        String port = router.getEnvironment().getProperty("local.server.port");
        String host;
        try {
            InetAddress bound = InetAddress.getByName(bindAddress);
            host = bound.isAnyLocalAddress()
                    ? "127.0.0.1"
                    : bound instanceof Inet6Address ? "[" + bindAddress + "]" : bindAddress;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("the router's bind address " + bindAddress + " is not an IP address", e);
        }
        return URI.create("http://" + host + ":" + port);
    }

    /**
     * The agents' settings, read as a service reads its {@code application.yml}: the same keys through the same
     * {@link MessagingProperties} and {@link AgentProperties} defaults. Two values are the launcher's own: prefetch 1,
     * which its agents have always run with (one replica per role, so no other replica waits behind a prefetched
     * message; kept so the demo behaves as before), and no {@code aios.agent.id}, since five agents share this JVM: each
     * is named for its role with a random suffix.
     */
    static Map<String, Object> agentProperties(Endpoints endpoints) {
        Map<String, Object> agents = new LinkedHashMap<>(endpoints.springProperties());
        agents.put("aios.messaging.prefetch", AGENT_PREFETCH);
        // the stores add their own key namespaces; the empty prefix is the services' default, which the orchestrator's
        // GET /agents scans for (aios.messaging.redis-key-prefix)
        agents.put("aios.messaging.redis-key-prefix", AGENT_KEY_PREFIX);
        return agents;
    }

    /** The one assembly the services' auto-configuration uses too, over the launcher's agent settings. */
    static AgentAssembly agentAssembly(Map<String, ?> agentProperties) {
        return new AgentAssembly(MessagingProperties.bind(agentProperties), AgentProperties.bind(agentProperties));
    }

    private void startAgents(Endpoints endpoints, LlmClient llm) {
        LettuceConnectionFactory redisConnections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(endpoints.redisHost(), endpoints.redisPort()));
        redisConnections.afterPropertiesSet();
        redisConnections.start();
        running.add(redisConnections::destroy);
        StringRedisTemplate redis = new StringRedisTemplate(redisConnections);

        AmqpConnections connections = new AmqpConnections(
                endpoints.rabbitHost(),
                endpoints.rabbitPort(),
                endpoints.rabbitUser(),
                endpoints.rabbitPassword(),
                endpoints.rabbitVirtualHost(),
                "aios-agents");
        running.add(connections);
        // the same calls, in the same order, as MessagingAutoConfiguration and AgentAutoConfiguration make in a
        // service;
        // no meter registry here, so neither the publisher nor the outcomes are metered
        AgentAssembly agents = agentAssembly(agentProperties(endpoints));
        MessagingAssembly messaging = new MessagingAssembly(agents.messaging());
        BrokerDialect dialect = messaging.dialect();
        MessagingSettings settings = messaging.settings();
        RabbitEnvelopePublisher publisher = messaging.publisher(connections, settings);
        running.add(publisher);
        EnvelopePublisher published = messaging.metered(publisher, null);
        BrokerTopology topology = messaging.topology(connections, dialect, settings);
        ReliableConsumers consumers = messaging.consumers(connections, publisher, dialect, settings);
        running.add(consumers);
        InboxStore inbox = messaging.inbox(redis);
        HeartbeatStore heartbeats = agents.heartbeats(redis);

        List<BaseAgent> personas = List.of(
                new CtoAgent(llm),
                BuilderAgent.of(Role.BACKEND, llm),
                BuilderAgent.of(Role.FRONTEND, llm),
                new QaAgent(llm),
                BuilderAgent.of(Role.DEVOPS, llm));
        for (BaseAgent persona : personas) {
            AgentRuntime runtime = agents.runtime(persona, published, inbox, heartbeats, null);
            running.add(runtime);
            agents.start(runtime, topology, consumers);
        }
    }

    /** Stops the agents, then the orchestrator, then the router; safe to call twice and from the launcher's shutdown hook. */
    @Override
    public synchronized void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("aios: could not stop a component cleanly: " + e.getMessage());
            }
        }
        running.clear();
    }
}
