package org.dixian.platform.concurrency;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs blocking or CPU-heavy work on the worker pool and hands the result back on the caller's Vert.x
 * context, so that a reactive Hibernate session opened there can go on being used.
 */
public final class OffLoop {
    private OffLoop() {
    }

    public static <T> Uni<T> run(Supplier<T> work) {
        Context ctx = Vertx.currentContext();
        Uni<T> u = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return ctx == null ? u : u.emitOn(cmd -> ctx.runOnContext(v -> cmd.run()));
    }
}
