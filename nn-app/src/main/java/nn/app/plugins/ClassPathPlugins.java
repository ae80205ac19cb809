package nn.app.plugins;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import nn.api.NamedProvider;
import nn.api.NnException;

/**
 * Plugin jars for nn running on the class path (spark-submit, a Spark executor), where no module
 * layer can hold them (their modules require nn's, which are not modules there): the jars on a class
 * loader of their own, and the providers their module-info declares, created as
 * {@link java.util.ServiceLoader} would (a public static {@code provider()} method, else the public
 * no-argument constructor). Plain jars' {@code META-INF/services} are found by the registry itself.
 */
public record ClassPathPlugins(URLClassLoader loader, List<NamedProvider<?>> declared) implements AutoCloseable {

    public ClassPathPlugins {
        declared = List.copyOf(declared);
    }

    static ClassPathPlugins load(List<PluginJar> jars) {
        List<URL> urls = new ArrayList<>();
        for (PluginJar jar : jars) {
            try {
                urls.add(jar.path().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new NnException(jar.path() + ": " + e.getMessage(), e);
            }
        }
        URLClassLoader loader = new URLClassLoader("nn-plugins", urls.toArray(URL[]::new), ClassPathPlugins.class.getClassLoader());
        List<NamedProvider<?>> declared = new ArrayList<>();
        for (PluginJar jar : jars) {
            if (jar.descriptor().isAutomatic()) {
                continue;
            }
            for (ModuleDescriptor.Provides provides : jar.descriptor().provides()) {
                for (String provider : provides.providers()) {
                    declared.add(create(provider, loader, jar));
                }
            }
        }
        return new ClassPathPlugins(loader, declared);
    }

    /** Closes the jars: the plugins' classes cannot load anything more. */
    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new NnException("plugin jars cannot be closed: " + e.getMessage(), e);
        }
    }

    private static NamedProvider<?> create(String className, ClassLoader loader, PluginJar jar) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            Object provider;
            Method factory = providerMethod(type);
            provider = factory != null ? factory.invoke(null) : type.getConstructor().newInstance();
            if (!(provider instanceof NamedProvider<?> named)) {
                throw new NnException(jar.path() + ": " + className + " is not an nn provider");
            }
            return named;
        } catch (InvocationTargetException e) {
            throw new NnException(jar.path() + ": provider " + className + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new NnException(jar.path() + ": provider " + className + " cannot be created: " + e, e);
        }
    }

    private static Method providerMethod(Class<?> type) {
        try {
            Method method = type.getMethod("provider");
            return Modifier.isStatic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
