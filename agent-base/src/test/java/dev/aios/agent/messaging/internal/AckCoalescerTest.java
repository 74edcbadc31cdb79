package dev.aios.agent.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AckCoalescerTest {
    /** The frames a channel was asked to send, as text: "ack 5 multiple", "ack 3", "nack 4 requeue". */
    private final List<String> frames = new ArrayList<>();

    private final List<Runnable> scheduledFlushes = new ArrayList<>();
    private final Executor manualExecutor = scheduledFlushes::add;
    private final AckCoalescer acks = new AckCoalescer(recordingChannel(), manualExecutor);

    private void runScheduledFlushes() {
        var due = List.copyOf(scheduledFlushes);
        scheduledFlushes.clear();
        due.forEach(Runnable::run);
    }

    @Nested
    class WhenDeliveriesSettleTogether {
        @Test
        void manySettledDeliveriesAreAckedWithOneMultipleAck() {
            // given
            for (long tag = 1; tag <= 5; tag++) {
                acks.delivered(tag);
            }

            // when
            for (long tag = 1; tag <= 5; tag++) {
                acks.settled(tag);
            }
            runScheduledFlushes();

            // then
            assertThat(frames).containsExactly("ack 5 multiple");
            assertThat(scheduledFlushes).isEmpty();
        }

        @Test
        void aSingleSettledDeliveryIsAckedAlone() {
            // given
            acks.delivered(1);

            // when
            acks.settled(1);
            runScheduledFlushes();

            // then
            assertThat(frames).containsExactly("ack 1");
        }
    }

    @Nested
    class WhenADeliveryIsStillInProgress {
        @Test
        void nothingAtOrAboveItIsAckedUntilItSettles() {
            // given deliveries 1..4, of which 2 is still being handled
            for (long tag = 1; tag <= 4; tag++) {
                acks.delivered(tag);
            }

            // when
            acks.settled(1);
            acks.settled(3);
            acks.settled(4);
            runScheduledFlushes();

            // then only 1 is acked: a multiple ack of 4 would cover 2, whose effect is not durable yet
            assertThat(frames).containsExactly("ack 1");

            // when 2 settles
            acks.settled(2);
            runScheduledFlushes();

            // then
            assertThat(frames).containsExactly("ack 1", "ack 4 multiple");
        }

        @Test
        void aRequeueIsSentAtOnceAndUnblocksTheSettledDeliveriesAboveIt() {
            // given
            for (long tag = 1; tag <= 3; tag++) {
                acks.delivered(tag);
            }
            acks.settled(2);
            acks.settled(3);
            runScheduledFlushes();
            assertThat(frames).isEmpty();

            // when
            acks.requeue(1);

            // then
            assertThat(frames).containsExactly("nack 1 requeue", "ack 3 multiple");
            assertThat(acks.inProgress()).isZero();
        }
    }

    private Channel recordingChannel() {
        return (Channel) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "basicAck" -> frames.add("ack " + args[0] + ((boolean) args[1] ? " multiple" : ""));
                        case "basicNack" ->
                            frames.add("nack " + args[0] + ((boolean) args[1] ? " multiple" : "")
                                    + ((boolean) args[2] ? " requeue" : ""));
                        case "isOpen" -> {
                            return true;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
    }
}
