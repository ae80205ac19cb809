package nn.kernels.vector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.VectorSpecies;

/**
 * One copy of {@link TiledProduct}, {@link VectorColumns}, {@link VectorBytes}, {@link VectorRelu}, {@link VectorWindows} and
 * {@link VectorWinograd} per vector
 * species. C2 turns Vector API calls into SIMD instructions only where the species is a
 * compile-time constant; a species passed as an argument or kept in an instance field makes every
 * vector a heap object (measured: 2 GFLOPS instead of 150+). So the template's class file is defined again as a hidden class whose class data is the
 * species, which its static final field then holds: the same source and a constant per copy.
 * Copies are made once per species and shared: they hold no mutable state.
 */
final class Specializer {
    private static final Map<List<Object>, Object> COPIES = new HashMap<>();

    private Specializer() {
    }

    /** The product for a species, made on first use. */
    static Product product(VectorSpecies<Float> species) {
        return copy(TiledProduct.class, Product.class, species);
    }

    /** The per-column passes for a species, made on first use. */
    static ColumnPasses columns(VectorSpecies<Float> species) {
        return copy(VectorColumns.class, ColumnPasses.class, species);
    }

    /** The byte conversion for a species, made on first use. */
    static BytePasses bytes(VectorSpecies<Float> species) {
        return copy(VectorBytes.class, BytePasses.class, species);
    }

    /** The ReLU's backward pass for a species, made on first use. */
    static ReluPasses relu(VectorSpecies<Float> species) {
        return copy(VectorRelu.class, ReluPasses.class, species);
    }

    /** The window passes (max pooling) for a species, made on first use. */
    static WindowPasses windows(VectorSpecies<Float> species) {
        return copy(VectorWindows.class, WindowPasses.class, species);
    }

    /** The Winograd F(4x4, 3x3) passes for a species, made on first use. */
    static WinogradPasses winograd(VectorSpecies<Float> species) {
        return copy(VectorWinograd.class, WinogradPasses.class, species);
    }

    private static synchronized <T> T copy(Class<? extends T> template, Class<T> type, VectorSpecies<Float> species) {
        return type.cast(COPIES.computeIfAbsent(List.of(template, species), key -> define(template, species)));
    }

    /** Called by the static initializer of each copy of the template. */
    @SuppressWarnings("unchecked")
    static VectorSpecies<Float> species(MethodHandles.Lookup template) {
        try {
            VectorSpecies<Float> species =
                    MethodHandles.classData(template, ConstantDescs.DEFAULT_NAME, VectorSpecies.class);
            if (species == null) {
                throw new IllegalStateException(template.lookupClass() + " is a template: use Specializer");
            }
            return species;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object define(Class<?> template, VectorSpecies<Float> species) {
        String file = template.getSimpleName() + ".class";
        try (InputStream in = template.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " not found next to " + Specializer.class);
            }
            MethodHandles.Lookup copy = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(in.readAllBytes(), species, true);
            return copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot specialize " + template.getSimpleName() + " for " + species, e);
        }
    }
}
