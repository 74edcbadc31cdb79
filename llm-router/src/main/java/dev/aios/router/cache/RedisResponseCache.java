package dev.aios.router.cache;

import dev.aios.router.provider.ProviderReply;
import dev.aios.router.provider.ResponseCache;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
                .put("inputTokens", reply.inputTokens())
                .put("outputTokens", reply.outputTokens()));
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
        return new ProviderReply(node.path("content").asString(), node.path("tier").asString(""),
                node.path("provider").asString(""), node.path("model").asString(""),
                node.path("inputTokens").asLong(0), node.path("outputTokens").asLong(0), false, false, false);
    }
}
