package dev.topos.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a {@code metrics.jsonl}: one JSON object per logged step, each with an
 * integer {@code "step"} and any number of other keys. Lines may differ in their keys (eval
 * lines, for instance, carry {@code "eval.*"} keys only every so often).
 *
 * <p>Each numeric key becomes a {@link Curve} of (step, value) points in file order. Values that
 * are not numbers (strings, booleans, nested objects) are not curves and are skipped; the
 * non-standard JSON numbers {@code NaN} and {@code Infinity} are accepted.
 */
public final class MetricsLog {
    /** The name of the step key. */
    public static final String STEP = "step";

    /**
     * The logged values of one key.
     *
     * @param key the metric's name
     * @param steps the steps at which it was logged
     * @param values its values, parallel to {@code steps}
     */
    public record Curve(String key, double[] steps, double[] values) {
    }

    private final List<Curve> curves;

    private MetricsLog(List<Curve> curves) {
        this.curves = List.copyOf(curves);
    }

    /**
     * Reads a metrics file. Blank lines are skipped.
     *
     * @throws IOException if the file cannot be read, or a line is not a JSON object with an
     *     integer {@code "step"}; the message names the file and the 1-based line number
     */
    public static MetricsLog read(Path file) throws IOException {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    addLine(parse(line, file, lineNo), points);
                }
            }
        }
        List<Curve> curves = new ArrayList<>();
        points.forEach((key, list) -> {
            double[] steps = new double[list.size()];
            double[] values = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                steps[i] = list.get(i)[0];
                values[i] = list.get(i)[1];
            }
            curves.add(new Curve(key, steps, values));
        });
        return new MetricsLog(curves);
    }

    /** One curve per numeric key other than {@code "step"}, in order of first appearance. */
    public List<Curve> curves() {
        return curves;
    }

    private static JsonNode parse(String line, Path file, int lineNo) throws IOException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw lineError(file, lineNo, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (!node.isObject()) {
            throw lineError(file, lineNo, "expected a JSON object", null);
        }
        if (!node.path(STEP).isIntegralNumber()) {
            throw lineError(file, lineNo, "missing integer \"" + STEP + "\"", null);
        }
        return node;
    }

    private static void addLine(JsonNode node, Map<String, List<double[]>> points) {
        double step = node.get(STEP).asLong();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(STEP) && field.getValue().isNumber()) {
                points.computeIfAbsent(field.getKey(), k -> new ArrayList<>())
                        .add(new double[] {step, field.getValue().doubleValue()});
            }
        }
    }

    private static IOException lineError(Path file, int lineNo, String what, Exception cause) {
        return new IOException(file + " line " + lineNo + ": " + what, cause);
    }
}
