package descent.grader.wire;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values that cross between the grader and the student JVM, and nothing else: primitives and their boxes,
 * {@code String}, arrays (any rank) of those, {@code List}s of them, records and enums, and functional interfaces of
 * {@code java.util.function} (as callbacks into the grader). Encoding and decoding are <em>directed by the declared
 * type</em> on each side: no class name ever travels, so bytes from the student side can only fill in values of
 * types the grader expects; they cannot make it load or instantiate any other class. (Java serialization is not
 * used anywhere.) Aliasing within one message is kept: an array met twice is sent once and referred to after.
 */
public final class Codec {

    static final int NULL = 0;
    static final int BOOLEAN = 1;
    static final int BYTE = 2;
    static final int CHAR = 3;
    static final int SHORT = 4;
    static final int INT = 5;
    static final int LONG = 6;
    static final int FLOAT = 7;
    static final int DOUBLE = 8;
    static final int STRING = 9;
    static final int PRIMITIVE_ARRAY = 10;
    static final int ARRAY = 11;
    static final int LIST = 12;
    static final int RECORD = 13;
    static final int ENUM = 14;
    static final int CALLBACK = 15;
    static final int REF = 16;

    /** Deepest nesting of values accepted (a rank-3 array of records of lists is depth 6). */
    static final int MAX_DEPTH = 64;
    /** Longest string accepted inside a value, in bytes. */
    public static final int MAX_STRING = 1 << 20;

    private Codec() {
    }

    /** How functions are passed: the grader exports its own, the student side receives proxies. */
    public interface Callbacks {
        /** Registers a grader-side function of declared type {@code type}; returns the id sent in its place. */
        int export(Object function, Type type);

        /** A stand-in for function {@code id} of type {@code type} (student side). */
        Object proxy(int id, Type type) throws WireException;
    }

    /** Callbacks that refuse both directions. */
    public static final Callbacks NO_CALLBACKS = new Callbacks() {
        @Override
        public int export(Object function, Type type) {
            throw new IllegalArgumentException("a function (" + type.getTypeName() + ") cannot be sent from this side");
        }

        @Override
        public Object proxy(int id, Type type) throws WireException {
            throw new WireException("a function cannot be received on this side");
        }
    };

    /** The class of a declared type: {@code List<double[]>} gives {@code List}, {@code double[][]} itself. */
    public static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof GenericArrayType g) {
            return Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (t instanceof WildcardType w) {
            Type[] lower = w.getLowerBounds();
            return raw(lower.length > 0 ? lower[0] : w.getUpperBounds()[0]);
        }
        if (t instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        throw new IllegalArgumentException("unsupported type " + t);
    }

    /** The element type of an array or {@code List} type. */
    static Type element(Type t) {
        if (t instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (t instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
        }
        if (t instanceof ParameterizedType p && p.getRawType() == List.class) {
            Type a = p.getActualTypeArguments()[0];
            return a instanceof WildcardType w ? (w.getLowerBounds().length > 0 ? w.getLowerBounds()[0]
                    : w.getUpperBounds()[0]) : a;
        }
        throw new IllegalArgumentException("no element type: " + t);
    }

    /** Whether a type is a functional interface of {@code java.util.function} (a callback). */
    public static boolean isFunction(Class<?> c) {
        return c.isInterface() && c.getPackageName().equals("java.util.function");
    }

    /** Whether values of this type can change in place (arrays, lists, records holding them): sent back after a call. */
    public static boolean isContainer(Class<?> c) {
        return c.isArray() || c == List.class || c.isRecord();
    }

    private static int primitiveTag(Class<?> c) {
        if (c == double.class || c == Double.class) {
            return DOUBLE;
        } else if (c == int.class || c == Integer.class) {
            return INT;
        } else if (c == long.class || c == Long.class) {
            return LONG;
        } else if (c == boolean.class || c == Boolean.class) {
            return BOOLEAN;
        } else if (c == float.class || c == Float.class) {
            return FLOAT;
        } else if (c == short.class || c == Short.class) {
            return SHORT;
        } else if (c == byte.class || c == Byte.class) {
            return BYTE;
        } else if (c == char.class || c == Character.class) {
            return CHAR;
        }
        return -1;
    }

    private static int size(int tag) {
        return switch (tag) {
            case BOOLEAN, BYTE -> 1;
            case CHAR, SHORT -> 2;
            case INT, FLOAT -> 4;
            default -> 8;
        };
    }

    /** Writes values of declared types into one message. */
    public static final class Writer {
        private final Out out;
        private final Callbacks callbacks;
        private final Map<Object, Integer> seen = new IdentityHashMap<>();

        public Writer(Out out, Callbacks callbacks) {
            this.out = out;
            this.callbacks = callbacks;
        }

        public void value(Object v, Type type) {
            Class<?> c = raw(type);
            int prim = primitiveTag(c);
            if (v == null) {
                if (c.isPrimitive()) {
                    throw new IllegalArgumentException("null for primitive type " + c);
                }
                out.u8(NULL);
                return;
            }
            if (prim >= 0) {
                out.u8(prim);
                scalar(prim, v);
            } else if (c == String.class) {
                out.u8(STRING).utf((String) v);
            } else if (c.isArray()) {
                if (!c.isInstance(v)) {
                    throw new IllegalArgumentException("a " + v.getClass().getTypeName() + " where " + c.getTypeName()
                            + " is declared");
                }
                Integer ref = seen.get(v);
                if (ref != null) {
                    out.u8(REF).i32(ref);
                    return;
                }
                seen.put(v, seen.size());
                Class<?> comp = c.getComponentType();
                int n = Array.getLength(v);
                if (comp.isPrimitive()) {
                    int tag = primitiveTag(comp);
                    out.u8(PRIMITIVE_ARRAY).u8(tag).i32(n);
                    for (int i = 0; i < n; i++) {
                        scalar(tag, Array.get(v, i));
                    }
                } else {
                    Type e = element(type);
                    out.u8(ARRAY).i32(n);
                    for (int i = 0; i < n; i++) {
                        value(Array.get(v, i), e);
                    }
                }
            } else if (c == List.class) {
                List<?> list = (List<?>) v;
                Type e = element(type);
                out.u8(LIST).i32(list.size());
                for (Object o : list) {
                    value(o, e);
                }
            } else if (c.isRecord()) {
                if (v.getClass() != c) {
                    throw new IllegalArgumentException("a " + v.getClass().getName() + " where " + c.getName()
                            + " is declared");
                }
                RecordComponent[] rc = c.getRecordComponents();
                out.u8(RECORD).i32(rc.length);
                for (RecordComponent r : rc) {
                    try {
                        r.getAccessor().setAccessible(true);
                        value(r.getAccessor().invoke(v), r.getGenericType());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalArgumentException("cannot read " + c.getName() + "." + r.getName() + ": " + e);
                    }
                }
            } else if (c.isEnum()) {
                out.u8(ENUM).utf(((Enum<?>) v).name());
            } else if (isFunction(c)) {
                out.u8(CALLBACK).i32(callbacks.export(v, type));
            } else {
                throw new IllegalArgumentException("type " + type.getTypeName() + " cannot cross to or from the "
                        + "student JVM (allowed: primitives, String, arrays, List, records, enums, java.util.function)");
            }
        }

        private void scalar(int tag, Object v) {
            switch (tag) {
                case BOOLEAN -> out.u8((Boolean) v ? 1 : 0);
                case BYTE -> out.u8((Byte) v);
                case CHAR -> out.i16((Character) v);
                case SHORT -> out.i16((Short) v);
                case INT -> out.i32((Integer) v);
                case LONG -> out.i64((Long) v);
                case FLOAT -> out.f32((Float) v);
                default -> out.f64((Double) v);
            }
        }
    }

    /** Reads values of declared types from one message, strictly: any mismatch is a {@link WireException}. */
    public static final class Reader {
        private final In in;
        private final Callbacks callbacks;
        private final List<Object> seen = new ArrayList<>();
        private int depth;

        public Reader(In in, Callbacks callbacks) {
            this.in = in;
            this.callbacks = callbacks;
        }

        public Object value(Type type) throws WireException {
            if (++depth > MAX_DEPTH) {
                throw new WireException("values nested deeper than " + MAX_DEPTH);
            }
            try {
                return read(type);
            } finally {
                depth--;
            }
        }

        private Object read(Type type) throws WireException {
            Class<?> c = raw(type);
            int tag = in.u8();
            if (tag == NULL) {
                if (c.isPrimitive()) {
                    throw new WireException("null where a " + c.getName() + " was expected");
                }
                return null;
            }
            int prim = primitiveTag(c);
            if (prim >= 0) {
                expect(tag, prim, c);
                return scalar(prim);
            }
            if (c == String.class) {
                expect(tag, STRING, c);
                return in.utf(MAX_STRING);
            }
            if (c.isArray()) {
                if (tag == REF) {
                    int i = in.i32();
                    if (i < 0 || i >= seen.size() || seen.get(i).getClass() != c) {
                        throw new WireException("bad reference " + i + " for a " + c.getTypeName());
                    }
                    return seen.get(i);
                }
                Class<?> comp = c.getComponentType();
                if (comp.isPrimitive()) {
                    expect(tag, PRIMITIVE_ARRAY, c);
                    int et = in.u8();
                    if (et != primitiveTag(comp)) {
                        throw new WireException("array of tag " + et + " where a " + c.getTypeName() + " was expected");
                    }
                    int n = in.count(size(et));
                    Object a = Array.newInstance(comp, n);
                    seen.add(a);
                    fill(a, et, n);
                    return a;
                }
                expect(tag, ARRAY, c);
                int n = in.count(1);
                Object a = Array.newInstance(comp, n);
                seen.add(a);
                Type e = element(type);
                for (int i = 0; i < n; i++) {
                    Array.set(a, i, value(e));
                }
                return a;
            }
            if (c == List.class) {
                expect(tag, LIST, c);
                int n = in.count(1);
                Type e = element(type);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(value(e));
                }
                return list;
            }
            if (c.isRecord()) {
                expect(tag, RECORD, c);
                RecordComponent[] rc = c.getRecordComponents();
                int n = in.i32();
                if (n != rc.length) {
                    throw new WireException(n + " components where " + c.getName() + " has " + rc.length);
                }
                Object[] values = new Object[n];
                Class<?>[] types = new Class<?>[n];
                for (int i = 0; i < n; i++) {
                    values[i] = value(rc[i].getGenericType());
                    types[i] = rc[i].getType();
                }
                try {
                    Constructor<?> k = c.getDeclaredConstructor(types);
                    k.setAccessible(true);
                    return k.newInstance(values);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new WireException("cannot make a " + c.getName() + ": " + e);
                }
            }
            if (c.isEnum()) {
                expect(tag, ENUM, c);
                String name = in.utf(1024);
                for (Object k : c.getEnumConstants()) {
                    if (((Enum<?>) k).name().equals(name)) {
                        return k;
                    }
                }
                throw new WireException(c.getName() + " has no constant " + name);
            }
            if (isFunction(c)) {
                expect(tag, CALLBACK, c);
                return callbacks.proxy(in.i32(), type);
            }
            throw new WireException("type " + type.getTypeName() + " cannot be received");
        }

        private static void expect(int tag, int want, Class<?> c) throws WireException {
            if (tag != want) {
                throw new WireException("tag " + tag + " where a " + c.getTypeName() + " was expected");
            }
        }

        private Object scalar(int tag) throws WireException {
            return switch (tag) {
                case BOOLEAN -> {
                    int b = in.u8();
                    if (b > 1) {
                        throw new WireException("boolean byte " + b);
                    }
                    yield b == 1;
                }
                case BYTE -> (byte) in.u8();
                case CHAR -> (char) in.i16();
                case SHORT -> (short) in.i16();
                case INT -> in.i32();
                case LONG -> in.i64();
                case FLOAT -> in.f32();
                default -> in.f64();
            };
        }

        private void fill(Object a, int tag, int n) throws WireException {
            switch (tag) {
                case DOUBLE -> {
                    double[] d = (double[]) a;
                    for (int i = 0; i < n; i++) {
                        d[i] = in.f64();
                    }
                }
                case INT -> {
                    int[] d = (int[]) a;
                    for (int i = 0; i < n; i++) {
                        d[i] = in.i32();
                    }
                }
                case LONG -> {
                    long[] d = (long[]) a;
                    for (int i = 0; i < n; i++) {
                        d[i] = in.i64();
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        Array.set(a, i, scalar(tag));
                    }
                }
            }
        }
    }

    /**
     * Copies what the student side did to an argument back into the grader's original, so in-place updates behave as
     * in a local call: arrays element by element (nested arrays of the same length recursively, others replaced),
     * and arrays inside lists and records recursively. Top-level arrays keep their identity.
     */
    public static void copyBack(Object original, Object after) {
        if (original == null || after == null || original == after || original.getClass() != after.getClass()) {
            return;
        }
        Class<?> c = original.getClass();
        if (c.isArray()) {
            int n = Array.getLength(original);
            if (Array.getLength(after) != n) {
                return;
            }
            if (c.getComponentType().isPrimitive()) {
                System.arraycopy(after, 0, original, 0, n);
                return;
            }
            Object[] o = (Object[]) original;
            Object[] a = (Object[]) after;
            for (int i = 0; i < n; i++) {
                if (o[i] != null && a[i] != null && o[i].getClass() == a[i].getClass() && o[i].getClass().isArray()
                        && Array.getLength(o[i]) == Array.getLength(a[i])) {
                    copyBack(o[i], a[i]);
                } else {
                    o[i] = a[i];
                }
            }
        } else if (original instanceof List<?> o && after instanceof List<?> a && o.size() == a.size()) {
            for (int i = 0; i < o.size(); i++) {
                copyBack(o.get(i), a.get(i));
            }
        } else if (c.isRecord()) {
            for (RecordComponent r : c.getRecordComponents()) {
                try {
                    r.getAccessor().setAccessible(true);
                    copyBack(r.getAccessor().invoke(original), r.getAccessor().invoke(after));
                } catch (ReflectiveOperationException e) {
                    // a component that cannot be read is left alone
                }
            }
        }
    }
}
