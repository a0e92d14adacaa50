package taiyi.workbench.inference.djl.weights;

import java.io.Closeable;
import java.util.Optional;
import java.util.Set;

/**
 * The tensors of a checkpoint by name, whatever its file layout. Tensors stay valid until the
 * source is closed.
 */
public interface WeightSource extends Closeable {

    /** Every tensor name the checkpoint holds. */
    Set<String> names();

    /** The tensor of that name, if the checkpoint holds it. */
    Optional<WeightTensor> find(String name);

    /** The tensor of that name; a clear error naming the checkpoint when it is missing. */
    default WeightTensor get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(describe() + " has no tensor " + name));
    }

    /** Where the tensors come from (a path), for error messages. */
    String describe();
}
