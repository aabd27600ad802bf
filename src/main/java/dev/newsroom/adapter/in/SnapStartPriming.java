package dev.newsroom.adapter.in;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * A function's SnapStart priming hook: before Lambda snapshots an initialised function, {@link #run} takes the
 * function's real paths once, so the snapshot holds their loaded classes and an open connection. The hook never
 * throws (a failing hook makes Lambda's runtime client give up the checkpoint, so the version would not publish); a
 * failed step is logged by class. Outside SnapStart it is never called.
 */
public abstract class SnapStartPriming implements Resource {
    /**
     * Strong references to the registered hooks. CRaC's global context holds its resources only weakly (org.crac
     * wraps each in a {@code WeakReference}, Lambda's runtime client keeps them in a {@code WeakHashMap}), and
     * nothing else refers to a hook: without this list one could be collected before the checkpoint and never run.
     */
    private static final List<SnapStartPriming> REGISTERED = new ArrayList<>();
    private static volatile boolean running;

    /** True while a function's priming runs: what it submits is not a reader's, and is not counted as a comment. */
    public static boolean running() {
        return running;
    }

    /** Registers {@code hook} with CRaC's global context, to run before the checkpoint. */
    protected static void register(SnapStartPriming hook) {
        synchronized (REGISTERED) {
            REGISTERED.add(hook);
        }
        Core.getGlobalContext().register(hook);
    }

    /** The priming's steps; returns what each step answered, for tests and measurements. */
    protected abstract List<String> steps();

    /** Runs the steps now, one priming at a time, {@link #running} while they do; returns what each answered. */
    protected final List<String> run() {
        synchronized (SnapStartPriming.class) {
            running = true;
            try {
                return steps();
            } finally {
                running = false;
            }
        }
    }

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            run();
        } catch (RuntimeException e) {
            System.out.println("{\"priming\":\"incomplete\",\"exception\":\"" + e.getClass().getName() + "\"}");
        }
    }

    @Override
    public final void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: the SDK's credentials provider fetches new credentials when the cached ones are due
        // (they carry their expiry), and connections reopen on demand
    }
}
