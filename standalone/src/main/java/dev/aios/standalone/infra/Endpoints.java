package dev.aios.standalone.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/** Where each piece of infrastructure is, embedded or configured, as Spring properties every service understands. */
public record Endpoints(
        String rabbitHost,
        int rabbitPort,
        String rabbitUser,
        String rabbitPassword,
        String rabbitVirtualHost,
        String brokerDialect,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String redisHost,
        int redisPort) {

    public Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.rabbitmq.host", rabbitHost);
        p.put("spring.rabbitmq.port", rabbitPort);
        p.put("spring.rabbitmq.username", rabbitUser);
        p.put("spring.rabbitmq.password", rabbitPassword);
        p.put("spring.rabbitmq.virtual-host", rabbitVirtualHost);
        p.put("aios.messaging.dialect", brokerDialect);
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.datasource.username", jdbcUser);
        p.put("spring.datasource.password", jdbcPassword);
        p.put("spring.data.redis.host", redisHost);
        p.put("spring.data.redis.port", redisPort);
        return p;
    }

    public String describe() {
        return "broker %s amqp://%s:%d%s, database %s, redis %s:%d"
                .formatted(brokerDialect, rabbitHost, rabbitPort, rabbitVirtualHost, jdbcUrl, redisHost, redisPort);
    }
}
