package dev.foresight.predictor.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;

/** An object stream that shows every object it builds to a {@link ModelGraphFilter} before handing it on. */
final class ModelObjectInput extends ObjectInputStream {

    private final ModelGraphFilter filter;

    ModelObjectInput(InputStream in, ModelGraphFilter filter) throws IOException {
        super(in);
        this.filter = filter;
        setObjectInputFilter(filter);
        // resolveObject sees each object as soon as it is built, while an enclosing HashMap has not hashed it yet
        enableResolveObject(true);
    }

    @Override
    protected Object resolveObject(Object built) throws IOException {
        filter.checkBuilt(built);
        return built;
    }
}
