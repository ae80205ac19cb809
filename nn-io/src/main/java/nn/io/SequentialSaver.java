package nn.io;

import java.nio.file.Path;
import nn.core.ModelSaver;
import nn.core.Sequential;

/** What {@link Sequential#save(Path)} calls: {@link Models#save(Sequential, Path)}. */
public final class SequentialSaver implements ModelSaver {

    @Override
    public void save(Sequential model, Path file) {
        Models.save(model, file);
    }
}
