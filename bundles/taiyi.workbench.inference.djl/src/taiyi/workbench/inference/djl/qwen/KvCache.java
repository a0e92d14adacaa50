package taiyi.workbench.inference.djl.qwen;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * The keys and values every layer has computed so far for a batch of rows, {@code [B, heads, S, d]}
 * per layer, with the rows' left padding (which keys are padding and where each row's positions
 * start). It owns its own manager: each step replaces the arrays with longer ones and closes the old
 * ones, so a long generation holds only the current cache.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int[] padding;
    private int length;

    KvCache(NDManager parent, int layers, int[] padding) {
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.padding = padding.clone();
    }

    /** Rows in the batch. */
    public int rows() {
        return padding.length;
    }

    /** Positions held (padding included). */
    public int length() {
        return length;
    }

    /** Left padding of each row: its first {@code padding[b]} positions are not tokens. */
    int[] padding() {
        return padding;
    }

    boolean padded() {
        for (int p : padding) {
            if (p > 0) {
                return true;
            }
        }
        return false;
    }

    /** Appends this step's keys and values of a layer and returns the whole of them. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        if (keys[layer] == null) {
            k.attach(manager);
            v.attach(manager);
            keys[layer] = k;
            values[layer] = v;
        } else {
            // concat takes the manager of its first operand, the cache's
            NDArray longerK = keys[layer].concat(k, 2);
            NDArray longerV = values[layer].concat(v, 2);
            keys[layer].close();
            values[layer].close();
            keys[layer] = longerK;
            values[layer] = longerV;
        }
        return new NDArray[] {keys[layer], values[layer]};
    }

    /** Called by the model once every layer has appended a step of {@code tokens} positions. */
    void advance(int tokens) {
        length += tokens;
    }

    /**
     * Keeps only the given rows, in that order, so rows that finished stop costing work.
     *
     * @param rows indices into the current batch
     */
    public void keep(int[] rows) {
        if (rows.length == padding.length) {
            boolean same = true;
            for (int i = 0; i < rows.length; i++) {
                same &= rows[i] == i;
            }
            if (same) {
                return;
            }
        }
        long[] index = new long[rows.length];
        int[] kept = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            index[i] = rows[i];
            kept[i] = padding[rows[i]];
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray selector = scratch.create(index);
            for (int l = 0; l < keys.length; l++) {
                if (keys[l] == null) {
                    continue;
                }
                NDArray k = keys[l].get(manager, new NDIndex("{}", selector));
                NDArray v = values[l].get(manager, new NDIndex("{}", selector));
                keys[l].close();
                values[l].close();
                keys[l] = k;
                values[l] = v;
            }
        }
        padding = kept;
        trimPadding();
    }

    /**
     * Takes in the rows of another cache of the same model after this one's, so a request prefilled
     * on its own joins a running batch between steps: the cache that holds fewer positions is
     * left-padded (its rows' padding grows by the difference, and the mask hides it). The other
     * cache is closed.
     */
    public void join(KvCache other) {
        if (keys[0] == null || other.keys[0] == null) {
            throw new IllegalStateException("only caches that hold positions can join");
        }
        if (other.keys.length != keys.length) {
            throw new IllegalArgumentException("a cache of " + other.keys.length + " layers cannot join one of " + keys.length);
        }
        int joinedLength = Math.max(length, other.length);
        for (int l = 0; l < keys.length; l++) {
            keys[l] = joinRows(keys[l], joinedLength - length, other.keys[l], joinedLength - other.length);
            values[l] = joinRows(values[l], joinedLength - length, other.values[l], joinedLength - other.length);
        }
        int[] joinedPadding = new int[padding.length + other.padding.length];
        for (int i = 0; i < padding.length; i++) {
            joinedPadding[i] = padding[i] + joinedLength - length;
        }
        for (int i = 0; i < other.padding.length; i++) {
            joinedPadding[padding.length + i] = other.padding[i] + joinedLength - other.length;
        }
        padding = joinedPadding;
        length = joinedLength;
        other.close();
    }

    private NDArray joinRows(NDArray mine, int myPad, NDArray theirs, int theirPad) {
        NDArray a = padLeft(mine, myPad);
        NDArray b = padLeft(theirs, theirPad);
        // concat takes the manager of its first operand, which is this cache's
        NDArray joined = a.concat(b, 0);
        if (a != mine) {
            a.close();
        }
        if (b != theirs) {
            b.close();
        }
        mine.close();
        return joined;
    }

    private NDArray padLeft(NDArray x, int positions) {
        if (positions == 0) {
            return x;
        }
        ai.djl.ndarray.types.Shape shape = x.getShape();
        try (NDArray zeros = manager.zeros(new ai.djl.ndarray.types.Shape(shape.get(0), shape.get(1), positions, shape.get(3)),
                x.getDataType(), x.getDevice())) {
            return zeros.concat(x, 2);
        }
    }

    /** Drops leading positions that are padding in every row, which a batch may have after its longest row left. */
    private void trimPadding() {
        int common = Integer.MAX_VALUE;
        for (int p : padding) {
            common = Math.min(common, p);
        }
        if (common == 0 || common == Integer.MAX_VALUE || keys[0] == null) {
            return;
        }
        for (int l = 0; l < keys.length; l++) {
            NDArray k = keys[l].get(manager, new NDIndex(":, :, {}:", common));
            NDArray v = values[l].get(manager, new NDIndex(":, :, {}:", common));
            keys[l].close();
            values[l].close();
            keys[l] = k;
            values[l] = v;
        }
        for (int i = 0; i < padding.length; i++) {
            padding[i] -= common;
        }
        length -= common;
    }

    /** Arrays the cache holds now, for leak checks. */
    int arrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
