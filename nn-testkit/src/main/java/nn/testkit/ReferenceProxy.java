package nn.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import nn.api.EjmlKernels;
import nn.api.Kernels;

/**
 * Kernels that pass every call to the reference ones unless a handler answers it: the base of the
 * test kernels that watch or change a few calls ({@link RangeCuttingKernels}, {@link RecordingKernels}).
 */
final class ReferenceProxy {
    /** What a handler returns to let the reference kernels answer the call. */
    static final Object PASS = new Object();

    interface Handler {
        /** The call's result, or {@link #PASS}. */
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private ReferenceProxy() {
    }

    static Kernels of(Handler handler) {
        Kernels reference = new EjmlKernels();
        return (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
                (proxy, method, args) -> {
                    Object result = handler.handle(method, args);
                    if (result != PASS) {
                        return result;
                    }
                    try {
                        return method.invoke(reference, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
