package nn.core;

/**
 * The name a saved model gives a plugin's activation, optimizer or layer, so that loading finds the
 * same provider: a built-in's plain name ({@code relu}), a plugin's qualified one
 * ({@code some.module/relu}), since a plain name may be claimed by a built-in or another plugin.
 */
public final class SavedNames {

    private SavedNames() {
    }

    /** {@code name}, qualified with the module (or jar) of {@code type} unless that is one of nn's own ({@code nn.*}). */
    public static String of(Class<?> type, String name) {
        String origin = PluginOrigin.of(type);
        return isBuiltIn(origin) || name.contains("/") ? name : origin + "/" + name;
    }

    /** Whether a module (or jar) is one of nn's own, whose providers win over plugins' for a plain name. */
    public static boolean isBuiltIn(String origin) {
        return origin.startsWith("nn.");
    }
}
