package nn.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void ownKeysAndInertValuesPass() {
        ConfigKeys keys = ConfigKeys.of("units").inert("use_ema", false).ignored("jit_compile");
        keys.check(config("units", 3, "use_ema", false, "jit_compile", true));
        keys.check(config("use_ema", null));
        assertEquals(List.of("units"), keys.known());
    }

    @Test
    void anInertKeyWithAnotherValueNamesWhatIsAccepted() {
        NnException e = assertThrows(NnException.class,
                () -> ConfigKeys.of("units").inert("use_ema", false).check(config("use_ema", true)));
        assertEquals("thing T: 'use_ema' is not implemented by nn; only false is accepted, got true", e.getMessage());
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() {
        NnException e = assertThrows(NnException.class, () -> ConfigKeys.of("units", "use_bias").check(config("unitz", 5)));
        assertEquals("thing T: unknown key 'unitz'; known keys: units, use_bias", e.getMessage());
    }

    @Test
    void layersAcceptKeras3DtypePolicies() {
        Map<String, Object> policy = Map.of("module", "keras", "class_name", "DTypePolicy",
                "config", Map.of("name", "float32"));
        ConfigKeys.layer("units").check(config("dtype", policy, "units", 2, "gamma_constraint", null));
        Map<String, Object> mixed = Map.of("class_name", "DTypePolicy", "config", Map.of("name", "mixed_float16"));
        assertThrows(NnException.class, () -> ConfigKeys.layer("units").check(config("dtype", mixed)));
    }

    @Test
    void aNullSuffixKeyWithAValueIsAnError() {
        NnException e = assertThrows(NnException.class, () -> ConfigKeys.layer().check(config("bias_constraint", "non_neg")));
        assertEquals("thing T: 'bias_constraint' is not implemented by nn; only null is accepted, got \"non_neg\"",
                e.getMessage());
    }

    private static Config config(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Config.of("thing T", values);
    }
}
