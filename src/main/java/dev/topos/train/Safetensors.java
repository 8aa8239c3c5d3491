package dev.topos.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.nn.Tensors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The safetensors format (HuggingFace, {@code huggingface/safetensors}, "Format"): an unsigned
 * 64-bit little-endian header length n, n bytes of UTF-8 JSON mapping each tensor's name to
 * {@code {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}} (offsets into the data
 * that follows, in order, without gaps), then the raw little-endian, row-major data. The header is
 * padded with spaces to a multiple of 8 bytes, as the reference writer does, so the data is aligned.
 * Files written here load with Python's {@code safetensors.torch.load_file}.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The reference implementation refuses headers above 100 MB; so does this reader. */
    private static final long MAX_HEADER = 100_000_000L;

    private Safetensors() {}

    /** The file's bytes for {@code tensors} (copied to the host; names in map order). */
    public static byte[] encode(Map<String, Tensor> tensors) {
        ObjectNode header = JSON.createObjectNode();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            DType d = DType.of(t.scalar_type(), e.getKey());
            byte[] raw = rawBytes(t);
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", d.name());
            var shape = entry.putArray("shape");
            for (long s : t.shape()) {
                shape.add(s);
            }
            entry.putArray("data_offsets").add(data.size()).add(data.size() + raw.length);
            data.writeBytes(raw);
        }
        byte[] json;
        try {
            json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(8 + padded + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        out.put(data.toByteArray());
        return out.array();
    }

    /**
     * The tensors of a safetensors file, in the header's order ({@code __metadata__} skipped).
     *
     * @param source names the file in errors
     * @throws IllegalArgumentException naming {@code source} and what is wrong, for any malformed file
     */
    public static Map<String, Tensor> decode(byte[] bytes, String source) {
        if (bytes.length < 8) {
            throw bad(source, "shorter than the 8-byte header length");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = in.getLong();
        if (n < 2 || n > MAX_HEADER || 8 + n > bytes.length) {
            throw bad(source, "header length " + n + " does not fit a file of " + bytes.length + " bytes");
        }
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (java.io.IOException ex) {
            throw bad(source, "header is not JSON: " + ex.getMessage());
        }
        if (!header.isObject()) {
            throw bad(source, "header is not a JSON object");
        }
        long dataStart = 8 + n;
        long dataLength = bytes.length - dataStart;
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            String name = e.getKey();
            JsonNode entry = e.getValue();
            DType d = DType.parse(entry.path("dtype").asText(), source, name);
            JsonNode shapeNode = entry.path("shape");
            JsonNode offsets = entry.path("data_offsets");
            if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
                throw bad(source, "tensor '" + name + "' needs a shape array and two data_offsets");
            }
            long[] shape = new long[shapeNode.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asLong(-1);
                if (shape[i] < 0) {
                    throw bad(source, "tensor '" + name + "' has a negative or non-integer dimension");
                }
                count *= shape[i];
            }
            long begin = offsets.get(0).asLong(-1);
            long end = offsets.get(1).asLong(-1);
            if (begin < 0 || end < begin || end > dataLength) {
                throw bad(source, "tensor '" + name + "' has data_offsets [" + begin + ", " + end
                        + "] outside the " + dataLength + " data bytes");
            }
            if (end - begin != count * d.bytes) {
                throw bad(source, "tensor '" + name + "' of shape " + java.util.Arrays.toString(shape) + " and dtype "
                        + d + " needs " + count * d.bytes + " bytes, its offsets give " + (end - begin));
            }
            out.put(name, fromBytes(bytes, (int) (dataStart + begin), (int) (end - begin), d, shape));
        }
        return out;
    }

    private static IllegalArgumentException bad(String source, String what) {
        return new IllegalArgumentException(source + ": not a readable safetensors file: " + what);
    }

    private static byte[] rawBytes(Tensor t) {
        Tensor host = t.detach().to(new org.bytedeco.pytorch.Device(torch.DeviceType.CPU), t.scalar_type())
                .contiguous();
        ByteBuffer b = new org.bytedeco.javacpp.BytePointer(host.data_ptr()).capacity(host.nbytes()).asByteBuffer()
                .order(ByteOrder.nativeOrder());
        byte[] raw = new byte[(int) host.nbytes()];
        b.get(raw);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("safetensors is little-endian; this machine is not");
        }
        return raw;
    }

    private static Tensor fromBytes(byte[] bytes, int offset, int length, DType d, long[] shape) {
        Tensor t = torch.empty(shape, Tensors.options(d.type).device(
                new org.bytedeco.pytorch.DeviceOptional(new org.bytedeco.pytorch.Device(torch.DeviceType.CPU))), null);
        new org.bytedeco.javacpp.BytePointer(t.data_ptr()).capacity(length).asByteBuffer().put(bytes, offset, length);
        return t;
    }

    /** The safetensors dtypes Topos reads and writes. */
    enum DType {
        F64(ScalarType.Double, 8), F32(ScalarType.Float, 4), BF16(ScalarType.BFloat16, 2), F16(ScalarType.Half, 2),
        I64(ScalarType.Long, 8), I32(ScalarType.Int, 4), I16(ScalarType.Short, 2), I8(ScalarType.Char, 1),
        U8(ScalarType.Byte, 1), BOOL(ScalarType.Bool, 1);

        final ScalarType type;
        final int bytes;

        DType(ScalarType type, int bytes) {
            this.type = type;
            this.bytes = bytes;
        }

        static DType of(ScalarType type, String name) {
            for (DType d : values()) {
                if (d.type == type.intern()) {
                    return d;
                }
            }
            throw new IllegalArgumentException("tensor '" + name + "' has type " + type + ", which safetensors "
                    + "files written here do not hold");
        }

        static DType parse(String text, String source, String name) {
            try {
                return valueOf(text);
            } catch (IllegalArgumentException ex) {
                throw bad(source, "tensor '" + name + "' has dtype '" + text + "'; readable: "
                        + java.util.Arrays.toString(values()));
            }
        }
    }
}
