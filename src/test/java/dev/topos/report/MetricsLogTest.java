package dev.topos.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {
    @TempDir
    Path dir;

    @Test
    void collectsOneCurvePerNumericKey() throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, """
                {"step": 1, "loss": 2.5, "phase": "warmup"}
                {"step": 2, "loss": NaN}

                {"step": 2, "eval.acc_visited": 0.5}
                {"step": 3, "loss": 1.0}
                """);
        List<MetricsLog.Curve> curves = MetricsLog.read(file).curves();
        assertEquals(List.of("loss", "eval.acc_visited"), curves.stream().map(MetricsLog.Curve::key).toList());
        assertArrayEquals(new double[] {1, 2, 3}, curves.get(0).steps());
        assertArrayEquals(new double[] {2.5, Double.NaN, 1.0}, curves.get(0).values());
        assertArrayEquals(new double[] {2}, curves.get(1).steps());
    }

    @Test
    void malformedLinesFailNamingFileAndLine() throws Exception {
        assertLineError("{\"step\": 1, \"loss\": 1}\n{\"step\": 2, \"loss\": \n", 2);
        assertLineError("{\"step\": 1}\n\n{\"loss\": 1}\n", 3);
        assertLineError("{\"step\": 1.5}\n", 1);
        assertLineError("[1, 2]\n", 1);
        assertLineError("{\"step\": 1} {\"step\": 2}\n", 1);
    }

    private void assertLineError(String content, int line) throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, content);
        IOException e = assertThrows(IOException.class, () -> MetricsLog.read(file));
        assertTrue(e.getMessage().startsWith(file + " line " + line + ": "), e.getMessage());
    }
}
