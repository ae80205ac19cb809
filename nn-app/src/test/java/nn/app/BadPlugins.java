package nn.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nn.app.plugins.PluginJarBuilder;

/** Plugin folders each holding one plain jar whose activation misbehaves in one way. */
public final class BadPlugins {

    private BadPlugins() {
    }

    /**
     * The folder {@code work/<jarName>/} with {@code <jarName>.jar}: activation class {@code bad.<pkg>.Act}
     * whose {@code name()} and {@code create(config)} have the given bodies.
     */
    public static Path folder(Path work, String jarName, String nameBody, String createBody) throws IOException {
        return folder(work, jarName, "", nameBody, createBody);
    }

    /** As above, with a constructor that runs {@code constructorBody}. */
    public static Path folder(Path work, String jarName, String constructorBody, String nameBody, String createBody) throws IOException {
        Path folder = Files.createDirectories(work.resolve(jarName));
        String pkg = "bad." + jarName.replace("-", "");
        new PluginJarBuilder(Files.createDirectories(work.resolve("build")))
                .source(pkg.replace('.', '/') + "/Act.java", """
                        package %s;

                        import nn.api.Activation;
                        import nn.api.ActivationProvider;
                        import nn.api.Config;
                        import org.ejml.data.FMatrixRMaj;

                        public final class Act implements Activation, ActivationProvider {
                            public Act() { %s }

                            @Override public String name() { %s }

                            @Override public Activation create(Config config) { %s }

                            @Override public void forward(FMatrixRMaj x, FMatrixRMaj y) { y.setTo(x); }

                            @Override public void backward(FMatrixRMaj x, FMatrixRMaj y, FMatrixRMaj dy, FMatrixRMaj dx) { dx.setTo(dy); }

                            static final class Fragile {
                                static final Activation INSTANCE = fail();

                                private static Activation fail() {
                                    throw new IllegalStateException("cannot initialize");
                                }
                            }
                        }
                        """.formatted(pkg, constructorBody, nameBody, createBody))
                .service("nn.api.ActivationProvider", pkg + ".Act")
                .build(folder.resolve(jarName + ".jar"));
        return folder;
    }
}
