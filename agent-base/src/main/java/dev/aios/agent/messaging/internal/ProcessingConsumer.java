package dev.aios.agent.messaging.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

/** Hands each delivery to its processor on the channel's dispatch thread, in delivery order. */
public final class ProcessingConsumer extends DefaultConsumer {
    private final DeliveryProcessor processor;

    public ProcessingConsumer(Channel channel, DeliveryProcessor processor) {
        super(channel);
        this.processor = processor;
    }

    @Override
    public void handleDelivery(String consumerTag, Envelope delivery, AMQP.BasicProperties properties, byte[] body) {
        processor.process(delivery.getDeliveryTag(), properties, body);
    }
}
