package taiyi.workbench.inference.djl.weights;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code data.pkl} of a PyTorch checkpoint without executing anything. Python's pickle
 * format is a little stack machine whose {@code GLOBAL} + {@code REDUCE} opcodes call arbitrary
 * Python functions, which is how a hostile {@code .bin} runs code on {@code torch.load}. This reader
 * knows only the opcodes a state_dict needs and only these callables, each interpreted here in
 * Java: {@code collections.OrderedDict} (an empty map), {@code torch._utils._rebuild_tensor_v2}
 * (a tensor layout), {@code torch._utils._rebuild_parameter} (the tensor it wraps); storages come
 * as persistent ids {@code ('storage', torch.XStorage, key, location, numel)}. Anything else is
 * refused with the opcode or global and its byte position.
 */
final class PyTorchPickleReader {

    private static final Object MARK = new Object();

    private static final String ORDERED_DICT = "collections.OrderedDict";
    private static final String REBUILD_TENSOR = "torch._utils._rebuild_tensor_v2";
    private static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";
    private static final Set<String> CALLABLES = Set.of(ORDERED_DICT, REBUILD_TENSOR, REBUILD_PARAMETER);

    /** A global the pickle named (only allowed ones are ever created). */
    private record Global(String qualifiedName) {
    }

    /** A Python tuple (kept apart from lists, which a state_dict never needs as values). */
    private record Tuple(List<Object> items) {
    }

    private record StorageRef(PyTorchStorageType type, String key, long elements) {
    }

    private final byte[] pickle;
    private final String where;
    private final List<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int pos;

    private PyTorchPickleReader(byte[] pickle, String where) {
        this.pickle = pickle;
        this.where = where;
    }

    /**
     * The state_dict's tensors by name, in file order.
     *
     * @param where the pickle's location for messages, e.g. {@code model.bin!archive/data.pkl}
     */
    static Map<String, PyTorchTensorLayout> readStateDict(byte[] pickle, String where) throws PyTorchFormatException {
        Object result = new PyTorchPickleReader(pickle, where).run();
        if (!(result instanceof Map<?, ?> map)) {
            throw new PyTorchFormatException(where + ": the pickle holds a " + describe(result)
                    + ", not a state_dict (a dict of tensors)");
        }
        Map<String, PyTorchTensorLayout> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new PyTorchFormatException(where + ": state_dict key " + e.getKey() + " is not a string");
            }
            if (!(e.getValue() instanceof PyTorchTensorLayout layout)) {
                throw new PyTorchFormatException(where + ": state_dict entry '" + name + "' is a "
                        + describe(e.getValue()) + ", not a tensor");
            }
            tensors.put(name, layout);
        }
        return tensors;
    }

    private Object run() throws PyTorchFormatException {
        while (true) {
            int at = pos;
            int op = u8();
            switch (op) {
            case 0x80 -> { // PROTO
                int protocol = u8();
                if (protocol < 2 || protocol > 5) {
                    throw error(at, "pickle protocol " + protocol + " (torch.save writes 2)");
                }
            }
            case 0x95 -> skip(8); // FRAME: only a read-ahead hint
            case '.' -> { // STOP
                return pop(at);
            }
            case '}' -> push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
            case ']' -> push(new ArrayList<Object>()); // EMPTY_LIST
            case ')' -> push(new Tuple(List.of())); // EMPTY_TUPLE
            case '(' -> push(MARK);
            case 'N' -> push(null);
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'J' -> push((long) s32()); // BININT
            case 'K' -> push((long) u8()); // BININT1
            case 'M' -> push((long) (u8() | u8() << 8)); // BININT2
            case 0x8a -> push(long1(at)); // LONG1
            case 'G' -> push(Double.longBitsToDouble(beLong())); // BINFLOAT
            case 'X' -> push(utf8(u32(at), at)); // BINUNICODE
            case 0x8c -> push(utf8(u8(), at)); // SHORT_BINUNICODE
            case 'c' -> push(global(readLine(at) + "." + readLine(at), at)); // GLOBAL
            case 0x93 -> { // STACK_GLOBAL
                Object name = pop(at);
                Object module = pop(at);
                push(global(module + "." + name, at));
            }
            case 'q' -> memo.put((long) u8(), peek(at)); // BINPUT
            case 'r' -> memo.put(u32(at), peek(at)); // LONG_BINPUT
            case 0x94 -> memo.put((long) memo.size(), peek(at)); // MEMOIZE
            case 'h' -> push(memoGet(u8(), at)); // BINGET
            case 'j' -> push(memoGet(u32(at), at)); // LONG_BINGET
            case 't' -> push(new Tuple(popToMark(at))); // TUPLE
            case 0x85 -> push(new Tuple(listOf(pop(at)))); // TUPLE1
            case 0x86 -> { // TUPLE2
                Object b = pop(at);
                Object a = pop(at);
                push(new Tuple(listOf(a, b)));
            }
            case 0x87 -> { // TUPLE3
                Object c = pop(at);
                Object b = pop(at);
                Object a = pop(at);
                push(new Tuple(listOf(a, b, c)));
            }
            case 's' -> { // SETITEM
                Object value = pop(at);
                Object key = pop(at);
                dict(peek(at), at).put(key, value);
            }
            case 'u' -> { // SETITEMS
                List<Object> items = popToMark(at);
                Map<Object, Object> dict = dict(peek(at), at);
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    dict.put(items.get(i), items.get(i + 1));
                }
            }
            case 'a' -> list(at).add(pop(at)); // APPEND
            case 'e' -> { // APPENDS
                List<Object> items = popToMark(at);
                list(at).addAll(items);
            }
            case 'Q' -> push(persistent(pop(at), at)); // BINPERSID
            case 'R' -> { // REDUCE
                Object args = pop(at);
                Object callable = pop(at);
                push(reduce(callable, args, at));
            }
            case 'b' -> { // BUILD: a model's state_dict carries _metadata (versions) as its state
                Object state = pop(at);
                if (!(peek(at) instanceof Map<?, ?>) || !(state instanceof Map<?, ?>)) {
                    throw error(at, "BUILD on a " + describe(peek(at)) + " (only an OrderedDict's metadata is allowed)");
                }
            }
            default -> throw error(at, String.format("pickle opcode 0x%02x is not allowed in a state_dict", op));
            }
        }
    }

    private Object global(String name, int at) throws PyTorchFormatException {
        if (CALLABLES.contains(name)) {
            return new Global(name);
        }
        if (name.startsWith("torch.")) {
            var storage = PyTorchStorageType.ofClassName(name.substring("torch.".length()));
            if (storage.isPresent()) {
                return storage.get();
            }
        }
        throw error(at, "global '" + name + "' is not allowed in a state_dict (only tensors, parameters, storages"
                + " and OrderedDict; nothing in the file is executed)");
    }

    private Object reduce(Object callable, Object args, int at) throws PyTorchFormatException {
        if (!(callable instanceof Global global)) {
            throw error(at, "REDUCE calls a " + describe(callable) + ", which is not an allowed callable");
        }
        List<Object> a = tuple(args, at).items();
        switch (global.qualifiedName()) {
        case ORDERED_DICT -> {
            if (!a.isEmpty()) {
                throw error(at, "OrderedDict called with arguments");
            }
            return new LinkedHashMap<Object, Object>();
        }
        case REBUILD_PARAMETER -> {
            if (a.isEmpty() || !(a.get(0) instanceof PyTorchTensorLayout tensor)) {
                throw error(at, "_rebuild_parameter without a tensor");
            }
            return tensor;
        }
        case REBUILD_TENSOR -> {
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            if (a.size() < 4 || !(a.get(0) instanceof StorageRef storage)) {
                throw error(at, "_rebuild_tensor_v2 with arguments " + describe(args));
            }
            long offset = integer(a.get(1), "storage offset", at);
            long[] shape = integers(a.get(2), "size", at);
            long[] stride = integers(a.get(3), "stride", at);
            if (shape.length != stride.length) {
                throw error(at, "tensor size has " + shape.length + " dims but stride has " + stride.length);
            }
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] < 0 || stride[i] < 0) {
                    throw error(at, "negative size or stride");
                }
            }
            if (offset < 0) {
                throw error(at, "negative storage offset " + offset);
            }
            return new PyTorchTensorLayout(storage.key(), storage.type(), storage.elements(), offset, shape, stride);
        }
        default -> throw error(at, "REDUCE of " + global.qualifiedName());
        }
    }

    private Object persistent(Object pid, int at) throws PyTorchFormatException {
        List<Object> p = tuple(pid, at).items();
        if (p.size() != 5 || !"storage".equals(p.get(0)) || !(p.get(1) instanceof PyTorchStorageType type)
                || !(p.get(2) instanceof String key)) {
            throw error(at, "persistent id " + describe(pid) + " is not ('storage', torch.XStorage, key, location, numel)");
        }
        if (key.isEmpty() || key.contains("/") || key.contains("..")) {
            throw error(at, "storage key '" + key + "' is not a plain name");
        }
        return new StorageRef(type, key, integer(p.get(4), "storage size", at));
    }

    private long integer(Object o, String what, int at) throws PyTorchFormatException {
        if (o instanceof Long l) {
            return l;
        }
        throw error(at, what + " is a " + describe(o) + ", not an integer");
    }

    private long[] integers(Object o, String what, int at) throws PyTorchFormatException {
        List<Object> items = tuple(o, at).items();
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(items.get(i), what, at);
        }
        return out;
    }

    private Tuple tuple(Object o, int at) throws PyTorchFormatException {
        if (o instanceof Tuple t) {
            return t;
        }
        throw error(at, "expected a tuple, found a " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object o, int at) throws PyTorchFormatException {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw error(at, "SETITEM on a " + describe(o));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(int at) throws PyTorchFormatException {
        if (peek(at) instanceof ArrayList<?> l) {
            return (List<Object>) l;
        }
        throw error(at, "APPEND on a " + describe(peek(at)));
    }

    private static List<Object> listOf(Object... items) {
        List<Object> out = new ArrayList<>(items.length);
        for (Object o : items) {
            out.add(o);
        }
        return out;
    }

    private static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Tuple t) {
            return "tuple of " + t.items().size();
        }
        if (o instanceof Global g) {
            return "global " + g.qualifiedName();
        }
        if (o instanceof PyTorchTensorLayout) {
            return "tensor";
        }
        return o.getClass().getSimpleName();
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop(int at) throws PyTorchFormatException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw error(at, "the pickle pops an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek(int at) throws PyTorchFormatException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw error(at, "the pickle reads an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popToMark(int at) throws PyTorchFormatException {
        int mark = stack.lastIndexOf(MARK);
        if (mark < 0) {
            throw error(at, "no MARK on the stack");
        }
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private Object memoGet(long index, int at) throws PyTorchFormatException {
        if (!memo.containsKey(index)) {
            throw error(at, "memo " + index + " was never stored");
        }
        return memo.get(index);
    }

    private int u8() throws PyTorchFormatException {
        need(1);
        return pickle[pos++] & 0xff;
    }

    private int s32() throws PyTorchFormatException {
        need(4);
        int v = (pickle[pos] & 0xff) | (pickle[pos + 1] & 0xff) << 8 | (pickle[pos + 2] & 0xff) << 16
                | (pickle[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    private long u32(int at) throws PyTorchFormatException {
        return s32() & 0xffffffffL;
    }

    private long beLong() throws PyTorchFormatException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (pickle[pos++] & 0xff);
        }
        return v;
    }

    private long long1(int at) throws PyTorchFormatException {
        int n = u8();
        if (n > 8) {
            throw error(at, "integer of " + n + " bytes");
        }
        need(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = v << 8 | (pickle[pos + i] & 0xff);
        }
        if (n > 0 && n < 8 && (pickle[pos + n - 1] & 0x80) != 0) {
            v |= -1L << (8 * n); // sign-extend
        }
        pos += n;
        return v;
    }

    private String utf8(long length, int at) throws PyTorchFormatException {
        if (length > pickle.length - pos) {
            throw error(at, "string of " + length + " bytes runs past the end of the pickle");
        }
        String s = new String(pickle, pos, (int) length, StandardCharsets.UTF_8);
        pos += (int) length;
        return s;
    }

    private String readLine(int at) throws PyTorchFormatException {
        int start = pos;
        while (pos < pickle.length && pickle[pos] != '\n') {
            pos++;
        }
        if (pos >= pickle.length) {
            throw error(at, "GLOBAL runs past the end of the pickle");
        }
        return new String(pickle, start, pos++ - start, StandardCharsets.UTF_8);
    }

    private void skip(int n) throws PyTorchFormatException {
        need(n);
        pos += n;
    }

    private void need(int n) throws PyTorchFormatException {
        if (pickle.length - pos < n) {
            throw error(pos, "the pickle ends early (truncated)");
        }
    }

    private PyTorchFormatException error(int at, String message) {
        return new PyTorchFormatException(where + " byte " + at + ": " + message);
    }
}
