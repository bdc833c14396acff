package org.dixian.testing;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs reactive work as a request would: on a fresh, safe Vert.x duplicated context, where Hibernate Reactive
 * (Panache.withTransaction, @WithTransaction services) can open its session; the test thread waits for the result.
 */
public final class OnVertx {
    private OnVertx() {
    }

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        Context ctx = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(ctx, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        ctx.runOnContext(v -> {
            try {
                work.get().subscribe().with(result::complete, result::completeExceptionally);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
