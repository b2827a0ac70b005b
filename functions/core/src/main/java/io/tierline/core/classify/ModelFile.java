package io.tierline.core.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model file: a gzip'd binary stream, in this order: magic "TLCM", format version, feature settings, labels,
 * metadata (string pairs: how it was trained), the feature space (buckets as deltas, IDF), then the weights and
 * intercepts. Deltas of ascending buckets are small numbers, which is what lets gzip shrink that part. From format 2
 * on, floats are written as byte planes (every value's first byte, then every second byte, ...): signs and exponents
 * repeat, so gzip finds them once they stand together, and the low bytes {@link LinearWeights} rounds to zero become
 * one long run. Format 1 files (floats value by value) still load.
 */
final class ModelFile {

    private static final int MAGIC = 0x544C434D;
    private static final int VERSION = 2;
    private static final int VALUE_BY_VALUE = 1;
    /** A quarter billion values (1 GiB) is beyond any ticket model: a longer array means a damaged file. */
    private static final int MAX_ARRAY_LENGTH = 1 << 28;

    private ModelFile() {
    }

    static void write(TextClassifier model, OutputStream target) throws IOException {
        // The bundled model is written once and read at every start of triage: the best compression costs nothing there.
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        };
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        FeatureSettings settings = model.features().settings();
        out.writeInt(settings.wordNgramMax());
        out.writeInt(settings.charNgramMin());
        out.writeInt(settings.charNgramMax());
        out.writeInt(settings.hashBits());
        out.writeInt(model.labels().size());
        for (String label : model.labels()) {
            out.writeUTF(label);
        }
        out.writeInt(model.metadata().size());
        for (Map.Entry<String, String> entry : model.metadata().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
        int[] deltas = model.space().buckets();
        for (int i = deltas.length - 1; i > 0; i--) {
            deltas[i] -= deltas[i - 1];
        }
        writeInts(out, deltas);
        writeFloats(out, model.space().idf());
        writeFloats(out, model.weights().weights());
        writeFloats(out, model.weights().intercepts());
        out.flush();
        gzip.finish();
    }

    static TextClassifier read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Tierline classifier model file");
        }
        int version = in.readInt();
        if (version != VERSION && version != VALUE_BY_VALUE) {
            throw new IOException("model file format " + version + " is not supported; this build reads " + VERSION);
        }
        FeatureSettings settings = new FeatureSettings(in.readInt(), in.readInt(), in.readInt(), in.readInt());
        int labelCount = readLength(in);
        List<String> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(in.readUTF());
        }
        int metadataCount = readLength(in);
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < metadataCount; i++) {
            metadata.put(in.readUTF(), in.readUTF());
        }
        int[] buckets = readInts(in);
        for (int i = 1; i < buckets.length; i++) {
            buckets[i] += buckets[i - 1];
        }
        boolean planes = version == VERSION;
        float[] idf = readFloats(in, planes);
        float[] weights = readFloats(in, planes);
        float[] intercepts = readFloats(in, planes);
        return new TextClassifier(new TextFeatures(settings), new FeatureSpace(buckets, idf),
                new LinearWeights(labelCount, weights, intercepts), labels, metadata);
    }

    // Arrays move through a ByteBuffer in bulk: value by value, a cold JVM took half a second to load a 1.4 MB model.

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES);
        bytes.asIntBuffer().put(values);
        out.writeInt(values.length);
        out.write(bytes.array());
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
        bytes.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(planes(bytes.array(), values.length));
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[readLength(in)];
        ByteBuffer.wrap(readBytes(in, values.length * Integer.BYTES)).asIntBuffer().get(values);
        return values;
    }

    private static float[] readFloats(DataInputStream in, boolean planes) throws IOException {
        float[] values = new float[readLength(in)];
        byte[] bytes = readBytes(in, values.length * Float.BYTES);
        ByteBuffer.wrap(planes ? values(bytes, values.length) : bytes).asFloatBuffer().get(values);
        return values;
    }

    private static byte[] planes(byte[] values, int count) {
        byte[] planes = new byte[values.length];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < Float.BYTES; b++) {
                planes[b * count + i] = values[i * Float.BYTES + b];
            }
        }
        return planes;
    }

    private static byte[] values(byte[] planes, int count) {
        byte[] values = new byte[planes.length];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < Float.BYTES; b++) {
                values[i * Float.BYTES + b] = planes[b * count + i];
            }
        }
        return values;
    }

    private static int readLength(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_ARRAY_LENGTH) {
            throw new IOException("corrupt model file: array length " + length);
        }
        return length;
    }

    private static byte[] readBytes(DataInputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        return bytes;
    }
}
