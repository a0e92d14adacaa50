package taiyi.workbench.inference.djl.weights;

/**
 * Where a state_dict tensor's elements lie: in storage {@code storageKey} (the zip entry
 * {@code data/<key>}), from element {@code offset}, with PyTorch's shape and strides (in elements).
 */
record PyTorchTensorLayout(String storageKey, PyTorchStorageType storageType, long storageElements, long offset,
        long[] shape, long[] stride) {

    long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Row-major with no gaps: the elements can be used as they lie. Size-1 dims may have any stride. */
    boolean isContiguous() {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return elementCount() == 0;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** One past the highest storage element the tensor reaches (its offset if it is empty). */
    long endElement() {
        if (elementCount() == 0) {
            return offset;
        }
        long last = offset;
        for (int i = 0; i < shape.length; i++) {
            last += (shape[i] - 1) * stride[i];
        }
        return last + 1;
    }
}
