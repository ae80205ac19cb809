package nn.io.keras;

import java.util.LinkedHashMap;
import java.util.Map;
import nn.api.NnException;

/**
 * An optimizer's configuration between Keras 2 (nn's) and Keras 3. Keras 3 rejects Keras 2's
 * {@code decay}; its {@code InverseTimeDecay} schedule with {@code decay_steps} 1 and
 * {@code staircase} false computes the same rate, {@code lr / (1 + decay * iterations)}, so that is
 * what is written, and read back as {@code decay}. Keras 3 keys that change nothing while null
 * ({@code loss_scale_factor}, {@code gradient_accumulation_steps}) are dropped on reading.
 */
public final class OptimizerConfigs {
    static final String SCHEDULE = "InverseTimeDecay";

    private OptimizerConfigs() {
    }

    /** A Keras 2 configuration (nn's) in Keras 3 form. */
    public static Map<String, Object> toKeras3(Map<String, Object> keras2) {
        Map<String, Object> config = new LinkedHashMap<>(keras2);
        Object decay = config.remove("decay");
        Object rate = config.containsKey("learning_rate") ? config.get("learning_rate") : config.remove("lr");
        if (decay instanceof Number d && d.doubleValue() > 0) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("initial_learning_rate", rate);
            schedule.put("decay_steps", 1);
            schedule.put("decay_rate", decay);
            schedule.put("staircase", false);
            schedule.put("name", SCHEDULE);
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("module", "keras.optimizers.schedules");
            wrapped.put("class_name", SCHEDULE);
            wrapped.put("config", schedule);
            wrapped.put("registered_name", null);
            rate = wrapped;
        }
        if (rate != null) {
            config.put("learning_rate", rate);
        }
        return config;
    }

    /** A Keras 3 (or Keras 2) configuration in Keras 2 form; a schedule other than the one above is an error. */
    public static Map<String, Object> toKeras2(Map<String, Object> given, String where) {
        Map<String, Object> config = Keras3ConfigReader.map(Keras3ConfigReader.plain(given), where);
        for (String key : new String[] {"loss_scale_factor", "gradient_accumulation_steps"}) {
            if (config.containsKey(key) && config.get(key) == null) {
                config.remove(key);
            }
        }
        if (config.get("learning_rate") instanceof Map<?, ?> schedule) {
            Map<String, Object> settings = Keras3ConfigReader.map(schedule.get("config"), where + ": learning_rate.config");
            boolean legacyDecay = SCHEDULE.equals(schedule.get("class_name"))
                    && settings.get("decay_steps") instanceof Number steps && steps.doubleValue() == 1
                    && Boolean.FALSE.equals(settings.getOrDefault("staircase", false));
            if (!legacyDecay) {
                throw new NnException(where + ": learning_rate: the schedule " + schedule.get("class_name") + " "
                        + settings + " is not supported; nn supports InverseTimeDecay with decay_steps 1 and "
                        + "staircase false (Keras 2's decay)");
            }
            config.put("learning_rate", settings.get("initial_learning_rate"));
            config.put("decay", settings.get("decay_rate"));
        }
        return config;
    }
}
