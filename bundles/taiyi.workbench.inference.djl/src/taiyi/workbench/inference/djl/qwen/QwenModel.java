package taiyi.workbench.inference.djl.qwen;

import java.util.HashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * The Qwen v1 decoder on DJL NDArray ops: token embedding, blocks of RMSNorm → fused-QKV causal
 * attention with NeoX rotary embedding → RMSNorm → SwiGLU MLP {@code c_proj(w1(x) * silu(w2(x)))},
 * final RMSNorm, untied {@code lm_head}. It computes logits for a batch of left-padded rows,
 * continuing a {@link KvCache}.
 *
 * <p>Numerics follow Qwen's own code: RMSNorm and rotary are computed in float32 whatever the
 * weight type, and so (unlike Qwen, for stability) is the attention softmax. Each row's positions
 * start at its first real token, so a prompt gets the same logits alone as in a padded batch.
 * Dynamic NTK and log-n attention are not implemented: both only act beyond {@code seq_length},
 * which {@link #forward} refuses to pass.
 */
public final class QwenModel implements AutoCloseable {

    /** Additive mask for a forbidden key; float32's lowest value, as Hugging Face uses. */
    static final float MASKED = -Float.MAX_VALUE;

    private record Block(NDArray ln1, NDArray qkvWeight, NDArray qkvBias, NDArray attnOut, NDArray ln2, NDArray w12,
            NDArray mlpOut) {
    }

    private final QwenConfig config;
    private final DataType dataType;
    private final Device device;
    private final NDManager weights;
    private final NDArray embedding;
    private final Block[] blocks;
    private final NDArray finalNorm;
    private final NDArray lmHead;
    private final NDArray cos;
    private final NDArray sin;
    private final long parameterBytes;

    private QwenModel(QwenConfig config, DataType dataType, Device device, NDManager weights, NDArray embedding, Block[] blocks,
            NDArray finalNorm, NDArray lmHead, NDArray cos, NDArray sin) {
        this.config = config;
        this.dataType = dataType;
        this.device = device;
        this.weights = weights;
        this.embedding = embedding;
        this.blocks = blocks;
        this.finalNorm = finalNorm;
        this.lmHead = lmHead;
        this.cos = cos;
        this.sin = sin;
        this.parameterBytes = config.parameterCount() * dataType.getNumOfBytes();
    }

    /** GPU 0 when the engine sees a CUDA device, else the CPU. The engine must have been loaded with {@link PyTorchEngineLoader}. */
    public static Device preferredDevice() {
        return Engine.getEngine(PyTorchEngineLoader.ENGINE_NAME).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * Loads the weights into engine memory, merging the adapter (if any) first.
     *
     * @param source the checkpoint; may be closed once this returns
     * @param adapter a LoRA adapter to merge at load, or null
     * @param dataType FLOAT32 or FLOAT16
     * @param device where the weights and all computation live
     * @throws IllegalArgumentException naming the checkpoint and weight when one is missing or has the wrong shape
     */
    public static QwenModel load(WeightSource source, QwenConfig config, LoraAdapter adapter, DataType dataType, Device device) {
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT16) {
            throw new IllegalArgumentException("the decoder runs in FLOAT32 or FLOAT16, not " + dataType
                    + " (bf16 arrays created from Java abort the JVM in DJL 0.36)");
        }
        QwenLayout.check(source, config);
        Map<String, LoraAdapter.Delta> deltas = new HashMap<>();
        if (adapter != null) {
            adapter.checkAgainst(source);
            adapter.deltas().forEach(d -> deltas.put(d.baseName(), d));
        }
        NDManager weights = NDManager.newBaseManager(device, PyTorchEngineLoader.ENGINE_NAME);
        try {
            WeightLoader loader = new WeightLoader(source, deltas, weights, dataType);
            Block[] blocks = new Block[config.layers()];
            for (int i = 0; i < blocks.length; i++) {
                NDArray w1 = loader.load(QwenLayout.block(i, "mlp.w1.weight"));
                NDArray w2 = loader.load(QwenLayout.block(i, "mlp.w2.weight"));
                // one GEMM instead of two: [w1; w2] then split the result
                NDArray w12 = w1.concat(w2, 0);
                w1.close();
                w2.close();
                blocks[i] = new Block(loader.load(QwenLayout.block(i, "ln_1.weight")),
                        loader.load(QwenLayout.block(i, "attn.c_attn.weight")), loader.load(QwenLayout.block(i, "attn.c_attn.bias")),
                        loader.load(QwenLayout.block(i, "attn.c_proj.weight")), loader.load(QwenLayout.block(i, "ln_2.weight")),
                        w12, loader.load(QwenLayout.block(i, "mlp.c_proj.weight")));
            }
            NDArray embedding = loader.load(QwenLayout.EMBEDDING);
            NDArray finalNorm = loader.load(QwenLayout.FINAL_NORM);
            NDArray lmHead = loader.load(QwenLayout.LM_HEAD);
            NDArray[] rotary = RotaryTables.create(weights, config);
            return new QwenModel(config, dataType, device, weights, embedding, blocks, finalNorm, lmHead, rotary[0], rotary[1]);
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    /** Reads each weight, merges its LoRA delta in float32 when there is one, and stores it in the model's type. */
    private record WeightLoader(WeightSource source, Map<String, LoraAdapter.Delta> deltas, NDManager manager, DataType type) {
        NDArray load(String name) {
            WeightTensor t = source.get(name);
            LoraAdapter.Delta d = deltas.get(name);
            if (d == null) {
                return WeightArrays.convert(manager, t, type);
            }
            try (NDManager scratch = manager.newSubManager()) {
                NDArray w = WeightArrays.float32(scratch, t);
                NDArray b = WeightArrays.float32(scratch, d.b());
                NDArray a = WeightArrays.float32(scratch, d.a());
                NDArray delta = b.matMul(a).mul((float) d.scale());
                if (d.fanInFanOut()) {
                    delta = delta.transpose();
                }
                NDArray merged = w.add(delta);
                NDArray result = type == DataType.FLOAT32 ? merged : merged.toType(type, true);
                result.attach(manager);
                return result;
            }
        }
    }

    public QwenConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    public Device device() {
        return device;
    }

    /** Bytes of all weights in the model's type, i.e. what one decode step reads at least once. */
    public long parameterBytes() {
        return parameterBytes;
    }

    /**
     * An empty cache for a batch whose rows have the given left padding.
     *
     * @param parent the cache's arrays live in a sub-manager of it
     */
    public KvCache newCache(NDManager parent, int[] leftPadding) {
        return new KvCache(parent, config.layers(), leftPadding);
    }

    /**
     * Runs {@code length} new positions of every row through the model and appends them to the cache.
     *
     * @param step manager for everything this call creates; the caller closes it
     * @param ids {@code rows * length} token ids, row-major; padding positions may hold any valid id
     * @param allPositions logits for every position ({@code [B, length, V]}) or only the last ({@code [B, 1, V]})
     * @return logits in the model's type, in {@code step}
     */
    public NDArray forward(NDManager step, long[] ids, int length, KvCache cache, boolean allPositions) {
        NDArray hidden = hidden(step, ids, length, cache, allPositions);
        Shape shape = hidden.getShape();
        // flatten cannot view the transposed [B·T, V], so it copies it into row-major order
        return logitColumns(hidden).transpose().flatten().reshape(shape.get(0), shape.get(1), config.vocabSize());
    }

    /**
     * Like {@link #forward} without all positions, but the logits of each row's last position come
     * vocabulary-major, {@code [V, B]}, as {@code lm_head} computes them, which spares the decoders
     * a transposing copy of the batch's logits every step.
     */
    NDArray nextTokenLogits(NDManager step, long[] ids, int length, KvCache cache) {
        NDArray hidden = hidden(step, ids, length, cache, false);
        return logitColumns(hidden);
    }

    /** The final RMSNorm's output, {@code [B, T, H]}, of every position or only the last. */
    private NDArray hidden(NDManager step, long[] ids, int length, KvCache cache, boolean allPositions) {
        int rows = cache.rows();
        if (ids.length != (long) rows * length || length < 1) {
            throw new IllegalArgumentException(ids.length + " ids are not " + rows + " rows of " + length);
        }
        int past = cache.length();
        int total = past + length;
        int[] padding = cache.padding();
        int longest = 0;
        for (int p : padding) {
            longest = Math.max(longest, total - p);
        }
        if (longest > config.seqLength()) {
            throw new IllegalArgumentException("a row would reach " + longest + " tokens, past the model's seq_length "
                    + config.seqLength() + " (dynamic NTK is not implemented)");
        }
        for (long id : ids) {
            if (id < 0 || id >= config.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + config.vocabSize());
            }
        }
        NDArray idArray = step.create(ids, new Shape(rows, length));
        NDArray x = idArray.getNDArrayInternal().embedding(idArray, embedding, SparseFormat.DENSE).singletonOrThrow();

        long[] positions = new long[rows * length];
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < length; i++) {
                positions[b * length + i] = Math.max(0, past + i - padding[b]);
            }
        }
        NDArray positionArray = step.create(positions, new Shape(rows, length));
        NDArray rowCos = positionArray.getNDArrayInternal().embedding(positionArray, cos, SparseFormat.DENSE).singletonOrThrow()
                .expandDims(1);
        NDArray rowSin = positionArray.getNDArrayInternal().embedding(positionArray, sin, SparseFormat.DENSE).singletonOrThrow()
                .expandDims(1);
        NDArray mask = length > 1 || cache.padded() ? mask(step, padding, past, length) : null;

        int heads = config.heads();
        int d = config.kvChannels();
        float scale = (float) (1.0 / Math.sqrt(d));
        for (int l = 0; l < blocks.length; l++) {
            Block blk = blocks[l];
            NDArray h = rmsNorm(x, blk.ln1());
            NDArray qkv = linear(h, blk.qkvWeight(), blk.qkvBias());
            NDList parts = qkv.split(new long[] {2L * heads * d}, 2);
            // queries and keys turn together, [B, 2·heads, T, d]: half the small ops of turning each
            NDList qk = rotate(splitHeads(parts.get(0), rows, length, 2 * heads, d), rowCos, rowSin).split(2, 1);
            NDArray q = qk.get(0);
            NDArray k = qk.get(1);
            NDArray v = splitHeads(parts.get(1), rows, length, heads, d);
            NDArray[] kv = cache.append(l, k, v);
            // the transposed view would land in the cache's manager (an op takes its operand's manager) and pile up there
            NDArray keysT = kv[0].transpose(0, 1, 3, 2);
            keysT.attach(step);
            NDArray scores = q.matMul(keysT).mul(scale);
            if (dataType != DataType.FLOAT32) {
                scores = scores.toType(DataType.FLOAT32, false);
            }
            if (mask != null) {
                scores = scores.add(mask);
            }
            NDArray probs = scores.softmax(3);
            if (dataType != DataType.FLOAT32) {
                probs = probs.toType(dataType, false);
            }
            NDArray context = probs.matMul(kv[1]).transpose(0, 2, 1, 3).reshape(rows, length, (long) heads * d);
            x = x.add(linear(context, blk.attnOut(), null));
            NDArray mlpIn = rmsNorm(x, blk.ln2());
            NDList gates = linear(mlpIn, blk.w12(), null).split(2, 2);
            NDArray hidden = gates.get(0).mul(silu(gates.get(1)));
            x = x.add(linear(hidden, blk.mlpOut(), null));
        }
        cache.advance(length);
        if (!allPositions && length > 1) {
            x = x.get(new NDIndex(":, {}:, :", length - 1));
        }
        return rmsNorm(x, finalNorm);
    }

    /**
     * {@code lm_head} as {@code W·hᵀ}, {@code [V, H] × [H, B·T] → [V, B·T]}, rather than the
     * {@code h·Wᵀ} of {@code linear}: the same dot products, but MKL's sgemm runs the
     * vocabulary-sized product about twice as fast this way round once a batch has several rows
     * (B = 8 on 2 cores: 65 against 127 ms, equal at B = 1), and it is most of a decode step.
     */
    private NDArray logitColumns(NDArray hidden) {
        Shape shape = hidden.getShape();
        NDArray columns = lmHead.matMul(hidden.reshape(shape.get(0) * shape.get(1), shape.get(2)).transpose());
        // an op's result goes to its first operand's manager, here the weights'; it belongs to the step
        columns.attach(hidden.getManager());
        return columns;
    }

    /**
     * {@code [B, 1, T, S]}: 0 where query {@code i} may see key {@code j}, {@link #MASKED} elsewhere.
     * A query sees the keys up to itself that are not padding; a padding query also sees itself, so
     * no softmax row is all masked (that would give NaN, which the padding's keys would then spread).
     */
    static NDArray mask(NDManager step, int[] padding, int past, int length) {
        int rows = padding.length;
        int total = past + length;
        float[] m = new float[rows * length * total];
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < length; i++) {
                int query = past + i;
                for (int j = 0; j < total; j++) {
                    boolean visible = j <= query && (j >= padding[b] || j == query);
                    m[(b * length + i) * total + j] = visible ? 0f : MASKED;
                }
            }
        }
        return step.create(m, new Shape(rows, 1, length, total));
    }

    private static NDArray splitHeads(NDArray x, int rows, int length, int heads, int d) {
        return x.reshape(rows, length, heads, d).transpose(0, 2, 1, 3);
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray wide = dataType == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        NDArray normed = wide.div(wide.square().mean(new int[] {2}, true).add((float) config.layerNormEpsilon()).sqrt());
        if (dataType != DataType.FLOAT32) {
            normed = normed.toType(dataType, false);
        }
        return normed.mul(weight);
    }

    /** NeoX rotate-half on the first {@code rotaryDim} channels of each head, in float32. */
    private NDArray rotate(NDArray x, NDArray rowCos, NDArray rowSin) {
        NDArray wide = dataType == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        NDArray result = RotaryTables.rotate(wide, rowCos, rowSin, config.rotaryDim(), config.kvChannels());
        return dataType == DataType.FLOAT32 ? result : result.toType(dataType, false);
    }

    /** {@code x·sigmoid(x)}: DJL's {@code swish(x, 1)} would first multiply by the 1 (one op more per layer). */
    private static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    private static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /** Arrays the model's own manager holds, for leak checks: it must not grow while decoding. */
    int managedArrays() {
        return weights.getManagedArrays().size();
    }

    /** A manager for decode sessions on the model's device (a sub-manager of the weights'). */
    public NDManager newSessionManager() {
        return weights.newSubManager();
    }

    @Override
    public void close() {
        weights.close();
    }
}
