package dev.aios.router.budget;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The ledger every router replica shares: one Redis hash per project (limit, spent, reserved, one field per hold) and
 * a sorted set of hold deadlines, changed only by Lua scripts so that check and reserve are one atomic step. A hold
 * whose router died before settling expires after {@code holdTtl} and is swept by the next reservation.
 */
public final class RedisBudgetLedger implements BudgetLedger {
    private static final RedisScript<List> RESERVE = script("reserve.lua");
    private static final RedisScript<List> SETTLE = script("settle.lua");
    private static final RedisScript<List> BALANCE = script("balance.lua");

    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final Duration holdTtl;

    public RedisBudgetLedger(StringRedisTemplate redis, String keyPrefix, Duration holdTtl) {
        this.redis = requireNonNull(redis, "redis");
        this.keyPrefix = requireNonNull(keyPrefix, "key prefix");
        this.holdTtl = requireNonNull(holdTtl, "hold ttl");
        if (holdTtl.isNegative() || holdTtl.isZero()) {
            throw new IllegalArgumentException("the hold ttl must be positive: " + holdTtl);
        }
    }

    private static RedisScript<List> script(String name) {
        return RedisScript.of(new ClassPathResource("dev/aios/router/budget/" + name), List.class);
    }

    @Override
    public Hold reserve(
            String projectId, long amountMicros, Optional<Long> limitMicros, Optional<Long> spentAtLeastMicros) {
        if (amountMicros < 0) {
            throw new IllegalArgumentException("cannot reserve a negative amount: " + amountMicros);
        }
        String id = UUID.randomUUID().toString();
        List<?> answer = redis.execute(
                RESERVE,
                keys(projectId),
                id,
                Long.toString(amountMicros),
                Long.toString(limitMicros.orElse(Balance.NO_LIMIT)),
                Long.toString(spentAtLeastMicros.orElse(-1L)),
                Long.toString(holdTtl.toMillis()));
        Balance balance = balanceOf(answer);
        return switch ((int) number(answer.getFirst())) {
            case 1 -> new Hold.Reserved(new Reservation(projectId, id, amountMicros), balance);
            case 0 -> new Hold.OverBudget(balance, amountMicros);
            default -> new Hold.NoLimit(balance);
        };
    }

    @Override
    public Balance settle(Reservation reservation, long costMicros) {
        return balanceOf(
                redis.execute(SETTLE, keys(reservation.projectId()), reservation.id(), Long.toString(costMicros)));
    }

    /** Read-only: a hold past its deadline no longer counts, though only the next reservation removes it. */
    @Override
    public Optional<Balance> find(String projectId) {
        List<?> answer = redis.execute(BALANCE, keys(projectId));
        return number(answer.getFirst()) == 1 ? Optional.of(balanceOf(answer)) : Optional.empty();
    }

    /** The project's hash; the braces keep hash and deadlines in one Redis Cluster slot. */
    String key(String projectId) {
        return keyPrefix + "{" + projectId + "}";
    }

    private List<String> keys(String projectId) {
        return List.of(key(projectId), key(projectId) + ":holds");
    }

    private static Balance balanceOf(List<?> answer) {
        return new Balance(number(answer.get(1)), number(answer.get(2)), number(answer.get(3)));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
