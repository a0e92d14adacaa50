package taiyi.workbench.inference.djl.weights;

import java.util.Optional;

/** The {@code torch.*Storage} classes a state_dict's pickle names, with their element type. */
enum PyTorchStorageType {
    FLOAT("FloatStorage", TensorType.F32),
    HALF("HalfStorage", TensorType.F16),
    BFLOAT16("BFloat16Storage", TensorType.BF16),
    DOUBLE("DoubleStorage", TensorType.F64),
    LONG("LongStorage", TensorType.I64),
    INT("IntStorage", TensorType.I32),
    SHORT("ShortStorage", TensorType.I16),
    CHAR("CharStorage", TensorType.I8),
    BYTE("ByteStorage", TensorType.U8),
    BOOL("BoolStorage", TensorType.BOOL);

    private final String className;
    private final TensorType type;

    PyTorchStorageType(String className, TensorType type) {
        this.className = className;
        this.type = type;
    }

    TensorType type() {
        return type;
    }

    /** The storage type of a {@code torch.<name>} global, if it is one. */
    static Optional<PyTorchStorageType> ofClassName(String name) {
        for (PyTorchStorageType t : values()) {
            if (t.className.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
