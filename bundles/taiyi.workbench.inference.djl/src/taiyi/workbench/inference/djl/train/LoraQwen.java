package taiyi.workbench.inference.djl.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import taiyi.workbench.inference.djl.PyTorchEngineLoader;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.qwen.QwenLayout;
import taiyi.workbench.inference.djl.qwen.RotaryTables;
import taiyi.workbench.inference.djl.qwen.WeightArrays;
import taiyi.workbench.inference.djl.weights.LoraAdapter;
import taiyi.workbench.inference.djl.weights.WeightSource;
import taiyi.workbench.inference.djl.weights.WeightTensor;

/**
 * The Qwen v1 decoder with unmerged, trainable LoRA pairs on a frozen base: the numerics of
 * {@code QwenModel} (float32, RMSNorm, fused QKV with NeoX rotary, SwiGLU), run over whole
 * right-padded sequences, with {@code y = x·Wᵀ + (α/r)·(dropout(x)·Aᵀ)·Bᵀ} on every target module.
 *
 * <p>Gradients come from the PyTorch engine's autograd, one block at a time (what Hugging Face
 * calls gradient checkpointing): the forward pass runs without a graph and keeps only each
 * block's input; the backward pass recomputes one block with a graph from its saved input and
 * pushes the output's gradient through it. Only one block's graph, and so with {@code --qlora}
 * only one block's dequantised weights, is alive at a time: autograd would otherwise keep every
 * dequantised float32 weight until the end of the backward pass, undoing NF4's saving. So each
 * block's weights are widened twice a step, for the forward pass and for the recomputation whose
 * saved weight the backward pass reuses (bitsandbytes under gradient checkpointing widens a third
 * time, in the backward pass, as its 4-bit matmul saves only the packed weight). The loss head
 * (final norm, {@code lm_head} and the cross-entropy over the trained tokens, and only over them)
 * streams {@code lm_head}'s row chunks once, loss and gradient together ({@link ChunkedCrossEntropy}). Dropout masks are drawn from splitmix64 seeded
 * per step, micro-batch, block and module, so the recomputation sees the same mask and a resumed
 * run the same masks as an uninterrupted one.
 *
 * <p>Gradients add up in the LoRA arrays' own gradient buffers across micro-batches until
 * {@link #zeroGradients()}.
 */
public final class LoraQwen implements AutoCloseable {

    /** Additive mask for a key a query must not see; float32's lowest value, as QwenModel uses. */
    private static final float MASKED = -Float.MAX_VALUE;
    /** Rows of {@code lm_head} dequantised at a time with NF4 (a multiple of the block size for any width). */
    private static final int HEAD_CHUNK_ROWS = 8192;
    private static final String[] MODULES = {"attn.c_attn", "attn.c_proj", "mlp.w1", "mlp.w2", "mlp.c_proj"};

    private record Block(NDArray ln1, NDArray qkvBias, NDArray ln2, FrozenWeight[] linears, LoraPair[] lora) {
    }

    private final QwenConfig config;
    private final LoraSettings lora;
    private final boolean nf4;
    private final NDManager weights;
    private final NDManager parameters;
    private final NDArray embedding;
    private final Block[] blocks;
    private final NDArray finalNorm;
    private final List<FrozenWeight> head;
    private final NDArray cos;
    private final NDArray sin;
    private final List<LoraPair> pairs;
    private final long frozenBytes;

    private LoraQwen(QwenConfig config, LoraSettings lora, boolean nf4, NDManager weights, NDManager parameters,
            NDArray embedding, Block[] blocks, NDArray finalNorm, List<FrozenWeight> head, NDArray cos, NDArray sin,
            List<LoraPair> pairs) {
        this.config = config;
        this.lora = lora;
        this.nf4 = nf4;
        this.weights = weights;
        this.parameters = parameters;
        this.embedding = embedding;
        this.blocks = blocks;
        this.finalNorm = finalNorm;
        this.head = head;
        this.cos = cos;
        this.sin = sin;
        this.pairs = pairs;
        long bytes = embedding.size() * embedding.getDataType().getNumOfBytes() + finalNorm.size() * 4;
        for (Block b : blocks) {
            bytes += (b.ln1().size() + b.ln2().size() + b.qkvBias().size()) * 4;
            for (FrozenWeight w : b.linears()) {
                bytes += w.bytes();
            }
        }
        for (FrozenWeight w : head) {
            bytes += w.bytes();
        }
        this.frozenBytes = bytes;
    }

    /**
     * Loads the frozen base and makes the LoRA pairs: from {@code start} when continuing an earlier
     * adapter (it must have the same rank and targets), else A uniform in ±1/√in from the seeded
     * stream of its peft key (peft's kaiming-uniform bound) and B zero, so training starts at the
     * base model.
     *
     * @param nf4 store the base's linear weights (and {@code lm_head}) as NF4 and the embedding as
     *        float16; otherwise everything is float32
     */
    public static LoraQwen load(WeightSource source, QwenConfig config, LoraSettings lora, boolean nf4, LoraAdapter start,
            long seed, Device device) {
        QwenLayout.check(source, config);
        if (start != null) {
            start.checkAgainst(source);
            if (start.rank() != lora.rank() || start.fanInFanOut()) {
                throw new IllegalArgumentException(start.folder() + ": continuing needs an adapter of rank " + lora.rank()
                        + " without fan_in_fan_out; it has rank " + start.rank());
            }
        }
        NDManager weights = NDManager.newBaseManager(device, PyTorchEngineLoader.ENGINE_NAME);
        NDManager parameters = weights.newSubManager();
        try {
            List<LoraPair> pairs = new ArrayList<>();
            Block[] blocks = new Block[config.layers()];
            for (int l = 0; l < blocks.length; l++) {
                FrozenWeight[] linears = new FrozenWeight[MODULES.length];
                LoraPair[] adapted = new LoraPair[MODULES.length];
                for (int m = 0; m < MODULES.length; m++) {
                    String module = QwenLayout.block(l, MODULES[m]);
                    WeightTensor t = source.get(module + ".weight");
                    linears[m] = frozen(weights, t, nf4);
                    String leaf = MODULES[m].substring(MODULES[m].indexOf('.') + 1);
                    if (lora.targetModules().contains(leaf)) {
                        adapted[m] = newPair(parameters, module, t.shape(), lora, start, seed);
                        pairs.add(adapted[m]);
                    }
                }
                blocks[l] = new Block(WeightArrays.float32(weights, source.get(QwenLayout.block(l, "ln_1.weight"))),
                        WeightArrays.float32(weights, source.get(QwenLayout.block(l, "attn.c_attn.bias"))),
                        WeightArrays.float32(weights, source.get(QwenLayout.block(l, "ln_2.weight"))), linears, adapted);
            }
            NDArray embedding = WeightArrays.convert(weights, source.get(QwenLayout.EMBEDDING),
                    nf4 ? DataType.FLOAT16 : DataType.FLOAT32);
            NDArray finalNorm = WeightArrays.float32(weights, source.get(QwenLayout.FINAL_NORM));
            List<FrozenWeight> head = new ArrayList<>();
            WeightTensor lmHead = source.get(QwenLayout.LM_HEAD);
            if (nf4) {
                // in row chunks, so that no product ever needs the whole head dequantised
                FloatSequence all = FloatSequence.of(lmHead);
                int width = config.hiddenSize();
                for (int from = 0; from < config.vocabSize(); from += HEAD_CHUNK_ROWS) {
                    int rows = Math.min(HEAD_CHUNK_ROWS, config.vocabSize() - from);
                    long offset = (long) from * width;
                    head.add(nf4Or(weights, i -> all.get(Math.toIntExact(offset + i)), new long[] {rows, width}));
                }
            } else {
                head.add(new DenseWeight(WeightArrays.float32(weights, lmHead)));
            }
            NDArray[] rotary = RotaryTables.create(weights, config);
            return new LoraQwen(config, lora, nf4, weights, parameters, embedding, blocks, finalNorm, head, rotary[0], rotary[1],
                    List.copyOf(pairs));
        } catch (RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    private static FrozenWeight frozen(NDManager manager, WeightTensor t, boolean nf4) {
        if (!nf4) {
            return new DenseWeight(WeightArrays.float32(manager, t));
        }
        return nf4Or(manager, FloatSequence.of(t), t.shape());
    }

    /** NF4 when the weight fills whole blocks (every Qwen matrix does), float32 otherwise. */
    private static FrozenWeight nf4Or(NDManager manager, FloatSequence values, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n % Nf4Tensor.BLOCK == 0) {
            return new Nf4Weight(manager, Nf4Tensor.quantise(values, shape));
        }
        float[] dense = new float[Math.toIntExact(n)];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = values.get(i);
        }
        return new DenseWeight(manager.create(dense, new Shape(shape)));
    }

    private static LoraPair newPair(NDManager manager, String module, long[] baseShape, LoraSettings lora, LoraAdapter start,
            long seed) {
        long out = baseShape[0];
        long in = baseShape[1];
        NDArray a;
        NDArray b;
        LoraAdapter.Delta delta = start == null ? null
                : start.deltas().stream().filter(d -> d.baseName().equals(module + ".weight")).findFirst().orElse(null);
        if (delta != null) {
            a = WeightArrays.float32(manager, delta.a());
            b = WeightArrays.float32(manager, delta.b());
        } else {
            String aKey = LoraPair.PEFT_PREFIX + module + ".lora_A.weight";
            SplitMix64 rng = new SplitMix64(seed ^ SplitMix64.fnv1a64(aKey));
            double bound = 1.0 / Math.sqrt(in);
            float[] values = new float[Math.toIntExact(lora.rank() * in)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (bound * (2.0 * rng.nextUnit() - 1.0));
            }
            a = manager.create(values, new Shape(lora.rank(), in));
            b = manager.zeros(new Shape(out, lora.rank()));
        }
        a.setRequiresGradient(true);
        b.setRequiresGradient(true);
        return new LoraPair(module, a, b);
    }

    public QwenConfig config() {
        return config;
    }

    public LoraSettings lora() {
        return lora;
    }

    public boolean nf4() {
        return nf4;
    }

    /** The trainable pairs, block by block, in module order. */
    public List<LoraPair> pairs() {
        return pairs;
    }

    /** Bytes of the frozen base in engine memory. */
    public long frozenBytes() {
        return frozenBytes;
    }

    /** Parameters of the frozen base. */
    public long frozenParameters() {
        return config.parameterCount();
    }

    public long trainableParameters() {
        long n = 0;
        for (LoraPair p : pairs) {
            n += p.a().size() + p.b().size();
        }
        return n;
    }

    /**
     * Forward and backward over one micro-batch: adds {@code weight ×} the gradient of its mean loss
     * over the trained tokens to the LoRA gradients.
     *
     * @param weight the micro-batch's share of the optimiser step (1 / micro-batches in the step)
     * @param dropoutSeed seeds this micro-batch's dropout masks (ignored without dropout)
     * @return the micro-batch's mean loss
     */
    public double accumulate(TrainingBatch batch, double weight, long dropoutSeed) {
        if (batch.targetTokens().length == 0) {
            throw new IllegalArgumentException("a micro-batch without trained tokens has no loss");
        }
        if (batch.length() > config.seqLength()) {
            throw new IllegalArgumentException("a sequence of " + batch.length() + " tokens is longer than the model's seq_length "
                    + config.seqLength());
        }
        for (long id : batch.ids()) {
            if (id < 0 || id >= config.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + config.vocabSize());
            }
        }
        boolean wasGrad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager step = weights.newSubManager()) {
            int rows = batch.rows();
            int length = batch.length();
            NDArray ids = step.create(batch.ids(), new Shape(rows, length));
            NDArray x = ids.getNDArrayInternal().embedding(ids, embedding, SparseFormat.DENSE).singletonOrThrow();
            if (x.getDataType() != DataType.FLOAT32) {
                x = x.toType(DataType.FLOAT32, false);
            }
            NDArray rowCos = cos.get(step, new NDIndex("0:{}", length));
            NDArray rowSin = sin.get(step, new NDIndex("0:{}", length));
            NDArray mask = causalMask(step, length);
            NDArray[] inputs = new NDArray[blocks.length];
            for (int l = 0; l < blocks.length; l++) {
                inputs[l] = x;
                try (NDScope scope = new NDScope()) {
                    x = block(l, x, rowCos, rowSin, mask, dropoutSeed);
                    NDScope.unregister(x);
                }
            }
            NDArray[] lossAndGradient = head(step, x, batch, weight);
            double loss = lossAndGradient[0].getFloat();
            NDArray gradient = lossAndGradient[1];
            for (int l = blocks.length - 1; l >= 0; l--) {
                try (NDScope scope = new NDScope()) {
                    NDArray input = inputs[l].duplicate();
                    input.setRequiresGradient(true);
                    JniUtils.setGradMode(true);
                    NDArray out = block(l, input, rowCos, rowSin, mask, dropoutSeed);
                    JniUtils.setGradMode(false);
                    JniUtils.backward((PtNDArray) out, (PtNDArray) gradient, false, false);
                    gradient = l == 0 ? null : input.getGradient().duplicate();
                    if (gradient != null) {
                        NDScope.unregister(gradient);
                        gradient.attach(step);
                    }
                }
            }
            return loss;
        } finally {
            JniUtils.setGradMode(wasGrad);
        }
    }

    /**
     * Mean cross-entropy of the trained tokens and its gradient with respect to the last block's
     * output, scaled by {@code weight}: through the final norm by autograd, through {@code lm_head}
     * by hand in one pass over its row chunks ({@link ChunkedCrossEntropy}), so each chunk is widened
     * once and no {@code [tokens, vocabulary]} array is ever made.
     *
     * @return {loss (a scalar), gradient [B, T, h]}, both in {@code step}
     */
    private NDArray[] head(NDManager step, NDArray x, TrainingBatch batch, double weight) {
        long hidden = config.hiddenSize();
        try (NDScope scope = new NDScope()) {
            NDArray leaf = x.duplicate();
            leaf.setRequiresGradient(true);
            NDArray positions = step.create(batch.targetPositions());
            JniUtils.setGradMode(true);
            NDArray picked = leaf.reshape(batch.tokens(), hidden).get(new NDIndex("{}", positions));
            NDArray normed = rmsNorm(picked, finalNorm);
            JniUtils.setGradMode(false);
            NDArray loss;
            NDArray normedGradient;
            try (ChunkedCrossEntropy crossEntropy = new ChunkedCrossEntropy(step, normed, step.create(batch.targetTokens()))) {
                long from = 0;
                for (FrozenWeight w : head) {
                    long at = from;
                    w.useFloat32(step, chunk -> crossEntropy.add(chunk, at));
                    from += w.shape()[0];
                }
                loss = crossEntropy.loss();
                normedGradient = crossEntropy.gradient(weight);
            }
            JniUtils.backward((PtNDArray) normed, (PtNDArray) normedGradient, false, false);
            NDArray gradient = leaf.getGradient().duplicate();
            NDScope.unregister(gradient, loss);
            gradient.attach(step);
            loss.attach(step);
            return new NDArray[] {loss, gradient};
        }
    }

    private NDArray block(int l, NDArray x, NDArray rowCos, NDArray rowSin, NDArray mask, long dropoutSeed) {
        Block blk = blocks[l];
        Shape shape = x.getShape();
        int rows = (int) shape.get(0);
        int length = (int) shape.get(1);
        int heads = config.heads();
        int d = config.kvChannels();
        NDArray h = rmsNorm(x, blk.ln1());
        NDArray qkv = adapted(h, blk, 0, blk.qkvBias(), dropoutSeed, l);
        NDList parts = qkv.split(3, 2);
        NDArray q = rotate(splitHeads(parts.get(0), rows, length, heads, d), rowCos, rowSin);
        NDArray k = rotate(splitHeads(parts.get(1), rows, length, heads, d), rowCos, rowSin);
        NDArray v = splitHeads(parts.get(2), rows, length, heads, d);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul((float) (1.0 / Math.sqrt(d))).add(mask);
        NDArray context = scores.softmax(3).matMul(v).transpose(0, 2, 1, 3).reshape(rows, length, (long) heads * d);
        x = x.add(adapted(context, blk, 1, null, dropoutSeed, l));
        NDArray mlpIn = rmsNorm(x, blk.ln2());
        NDArray a1 = adapted(mlpIn, blk, 2, null, dropoutSeed, l);
        NDArray a2 = adapted(mlpIn, blk, 3, null, dropoutSeed, l);
        return x.add(adapted(a1.mul(Activation.swish(a2, 1f)), blk, 4, null, dropoutSeed, l));
    }

    private NDArray adapted(NDArray x, Block blk, int module, NDArray bias, long dropoutSeed, int layer) {
        NDArray y = blk.linears()[module].apply(x, bias);
        LoraPair pair = blk.lora()[module];
        if (pair == null) {
            return y;
        }
        NDArray input = lora.dropout() > 0 ? x.mul(dropoutMask(x, dropoutSeed, layer, module)) : x;
        NDArray down = input.getNDArrayInternal().linear(input, pair.a(), null).singletonOrThrow();
        NDArray up = down.getNDArrayInternal().linear(down, pair.b(), null).singletonOrThrow();
        return y.add(up.mul((float) lora.scale()));
    }

    /** Inverted dropout: 0 with probability p, else 1 / (1 - p); the same mask for the same seed, block and module. */
    private NDArray dropoutMask(NDArray like, long seed, int layer, int module) {
        float p = (float) lora.dropout();
        float keep = 1f / (1f - p);
        SplitMix64 rng = new SplitMix64(seed ^ SplitMix64.fnv1a64(layer + "/" + module));
        float[] m = new float[Math.toIntExact(like.size())];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextUnit() < p ? 0f : keep;
        }
        return like.getManager().create(m, like.getShape());
    }

    private static NDArray causalMask(NDManager step, int length) {
        float[] m = new float[length * length];
        for (int i = 0; i < length; i++) {
            for (int j = i + 1; j < length; j++) {
                m[i * length + j] = MASKED;
            }
        }
        return step.create(m, new Shape(1, 1, length, length));
    }

    private static NDArray splitHeads(NDArray x, int rows, int length, int heads, int d) {
        return x.reshape(rows, length, heads, d).transpose(0, 2, 1, 3);
    }

    private NDArray rmsNorm(NDArray x, NDArray weight) {
        int last = x.getShape().dimension() - 1;
        return x.div(x.square().mean(new int[] {last}, true).add((float) config.layerNormEpsilon()).sqrt()).mul(weight);
    }

    private NDArray rotate(NDArray x, NDArray rowCos, NDArray rowSin) {
        return RotaryTables.rotate(x, rowCos, rowSin, config.rotaryDim(), config.kvChannels());
    }

    /** Overwrites every pair's values (a checkpoint's), by peft key. */
    public void restore(Map<String, float[]> values) {
        for (LoraPair p : pairs) {
            for (String key : List.of(p.aKey(), p.bKey())) {
                float[] v = values.get(key);
                NDArray target = key.equals(p.aKey()) ? p.a() : p.b();
                if (v == null || v.length != target.size()) {
                    throw new IllegalArgumentException("checkpoint has no values of the right size for " + key);
                }
                target.set(v);
            }
        }
    }

    /** Sets every LoRA gradient to zero. */
    public void zeroGradients() {
        for (LoraPair p : pairs) {
            JniUtils.zeroGrad((PtNDArray) p.a());
            JniUtils.zeroGrad((PtNDArray) p.b());
        }
    }

    /** A manager for optimiser state on the parameters' device. */
    NDManager parameterManager() {
        return parameters;
    }

    @Override
    public void close() {
        weights.close();
    }
}
