package dev.aios.orchestrator.knowledge;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.CollectionsGrpc;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Qdrant stand-in on a free loopback port speaking Qdrant's gRPC API (no Qdrant on our machines): it says the
 * collection exists, so a store opens, and records the api-key header of every call it receives.
 */
final class FakeQdrant implements AutoCloseable {

    private static final Metadata.Key<String> API_KEY = Metadata.Key.of("api-key", Metadata.ASCII_STRING_MARSHALLER);

    private final List<Optional<String>> apiKeys = new CopyOnWriteArrayList<>();
    private final Server server;

    FakeQdrant() throws IOException {
        ServerInterceptor recordApiKey = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
                apiKeys.add(Optional.ofNullable(headers.get(API_KEY)));
                return next.startCall(call, headers);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(ServerInterceptors.intercept(new ExistingCollections(), recordApiKey))
                .build()
                .start();
    }

    int port() {
        return server.getPort();
    }

    /** The api-key header of each call so far, empty where a call carried none. */
    List<Optional<String>> apiKeys() {
        return List.copyOf(apiKeys);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final class ExistingCollections extends CollectionsGrpc.CollectionsImplBase {
        @Override
        public void collectionExists(
                CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> response) {
            response.onNext(CollectionExistsResponse.newBuilder()
                    .setResult(CollectionExists.newBuilder().setExists(true))
                    .build());
            response.onCompleted();
        }
    }
}
