package dev.aios.router.cache;

import dev.aios.router.client.TokenUsage;
import dev.aios.router.client.ToolCall;
import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ResponseCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Cached answers as JSON strings under {@code <prefix><sha256>} with a TTL. Redis is hot state only: when it is down
 * the router answers from the provider instead of failing the call.
 */
public final class RedisResponseCache implements ResponseCache {
    private static final Logger log = LoggerFactory.getLogger(RedisResponseCache.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    public RedisResponseCache(StringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    @Override
    public Optional<ProviderReply> get(String key) {
        try {
            String json = redis.opsForValue().get(prefix + key);
            return json == null ? Optional.empty() : Optional.of(read(json));
        } catch (DataAccessException | IllegalArgumentException e) {
            log.warn("response cache read failed, calling the provider instead: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, ProviderReply reply) {
        try {
            redis.opsForValue().set(prefix + key, write(reply), ttl);
        } catch (DataAccessException e) {
            log.warn("response cache write failed, answer not cached: {}", e.getMessage());
        }
    }

    private static String write(ProviderReply reply) {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("content", reply.content())
                .put("tier", reply.tier())
                .put("provider", reply.provider())
                .put("model", reply.model())
                .put("inputTokens", reply.tokens().inputTokens())
                .put("outputTokens", reply.tokens().outputTokens())
                .put("finishReason", reply.finishReason())
                .set("toolCalls", toolCalls(reply.toolCalls())));
    }

    private static ArrayNode toolCalls(List<ToolCall> calls) {
        ArrayNode array = JSON.createArrayNode();
        calls.forEach(
                c -> array.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.arguments()));
        return array;
    }

    private static ProviderReply read(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cache entry is not JSON", e);
        }
        if (!node.path("content").isString()) {
            throw new IllegalArgumentException("cache entry has no content");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : node.path("toolCalls")) {
            if (!call.path("id").isString()
                    || !call.path("name").isString()
                    || !call.path("arguments").isString()) {
                throw new IllegalArgumentException("cache entry has a malformed tool call");
            }
            calls.add(new ToolCall(
                    call.path("id").asString(),
                    call.path("name").asString(),
                    call.path("arguments").asString()));
        }
        // entries written before tool calls existed have neither field: a plain answer that stopped normally
        return new ProviderReply(
                node.path("content").asString(),
                node.path("tier").asString(""),
                node.path("provider").asString(""),
                node.path("model").asString(""),
                new TokenUsage(
                        node.path("inputTokens").asLong(0),
                        node.path("outputTokens").asLong(0)),
                false,
                false,
                false,
                OptionalLong.empty(),
                calls,
                node.path("finishReason").asString(ProviderReply.defaultFinishReason(calls)));
    }
}
