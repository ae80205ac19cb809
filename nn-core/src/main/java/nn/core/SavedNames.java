package nn.core;

/**
 * The name a saved model gives a plugin's activation, optimizer or layer, so that loading finds the
 * same provider: a built-in's plain name ({@code relu}), a plugin's qualified one
 * ({@code some.module/relu}), since a plain name may be claimed by a built-in or another plugin.
 */
public final class SavedNames {

    private SavedNames() {
    }

    /** {@code name}, qualified with the module (or jar) of {@code type} unless that is one of nn's own. */
    public static String of(Class<?> type, String name) {
        return isBuiltIn(type) || name.contains("/") ? name : PluginOrigin.of(type) + "/" + name;
    }

    /** The plain name of a possibly qualified one: {@code Lion} of {@code example.plugin/Lion}. */
    public static String plain(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Whether a module (or jar) is one of nn's own, whose providers win over plugins' for a plain name. */
    public static boolean isBuiltIn(String origin) {
        return origin.startsWith("nn.");
    }

    /**
     * Whether a class is one of nn's own: from an {@code nn.*} module, or, on the class path (where
     * every jar, nn's included, is unnamed), from an {@code nn.*} package.
     */
    public static boolean isBuiltIn(Class<?> type) {
        Module module = type.getModule();
        return module.isNamed() ? isBuiltIn(module.getName()) : type.getPackageName().startsWith("nn.");
    }
}
