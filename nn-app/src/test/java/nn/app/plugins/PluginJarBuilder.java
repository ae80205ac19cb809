package nn.app.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a small plugin jar at test time: compiles Java sources against nn.api (and EJML) with the
 * JDK's javac, then packs the classes and resources. With a {@code module-info.java} source it is a
 * modular jar, without one a plain jar (an automatic module in a layer).
 *
 * <p>javac is taken from {@link java.util.spi.ToolProvider} (in java.base): the test runs inside
 * module nn.app, which does not read java.compiler, so {@code javax.tools} is not visible to it.
 */
public final class PluginJarBuilder {
    private final Path workDir;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<Path> extraModulePath = new ArrayList<>();

    public PluginJarBuilder(Path workDir) {
        this.workDir = workDir;
    }

    /** A source file, by its path relative to the source root, e.g. {@code test/plugin/Cube.java}. */
    public PluginJarBuilder source(String path, String code) {
        sources.put(path, code);
        return this;
    }

    /** A {@code META-INF/services} registration, as a plain jar needs. */
    public PluginJarBuilder service(String service, String provider) {
        resources.put("META-INF/services/" + service, provider + "\n");
        return this;
    }

    /** Another jar to compile against (not packed), e.g. a library module the plugin requires. */
    public PluginJarBuilder compileAgainst(Path jar) {
        extraModulePath.add(jar);
        return this;
    }

    public Path build(Path jar) {
        try {
            Path work = Files.createTempDirectory(workDir, "build");
            Path src = work.resolve("src");
            Path classes = work.resolve("classes");
            for (Map.Entry<String, String> source : sources.entrySet()) {
                write(src.resolve(source.getKey()), source.getValue());
            }
            javac(src, classes);
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                write(classes.resolve(resource.getKey()), resource.getValue());
            }
            pack(classes, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void javac(Path src, Path classes) throws IOException {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn"));
        boolean modular = sources.keySet().stream().anyMatch(s -> s.endsWith("module-info.java"));
        args.add(modular ? "--module-path" : "--class-path");
        args.add(Stream.concat(Stream.of("nn.api", "ejml.core", "ejml.fdense").map(PluginJarBuilder::jarOf), extraModulePath.stream())
                .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
        sources.keySet().forEach(s -> args.add(src.resolve(s).toString()));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(errors, true, StandardCharsets.UTF_8);
        int status = ToolProvider.findFirst("javac").orElseThrow().run(out, out, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed:\n" + errors.toString(StandardCharsets.UTF_8));
        }
    }

    /** The jar (or folder) of a module in the boot layer. */
    private static Path jarOf(String module) {
        return ModuleLayer.boot().configuration().findModule(module)
                .flatMap(m -> m.reference().location()).map(Path::of)
                .orElseThrow(() -> new IllegalStateException("module " + module + " has no location"));
    }

    private static void pack(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
