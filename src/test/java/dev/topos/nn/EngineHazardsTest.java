package dev.topos.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Topos class lets libtorch read or write Java-owned memory: no tensor wraps a Java buffer
 * ({@code from_blob}), whose freeing by the garbage collector once gave garbage gradients and heap
 * corruption (see {@link TensorsTest}); and nothing refers to the DJL engine that did so. Read from
 * the compiled classes with {@code javap}, so that every call site counts, however it is written.
 */
class EngineHazardsTest {
    private static final Pattern HAZARD = Pattern.compile("(org/bytedeco/pytorch/global/torch\\.from_blob"
            + "|ai/djl/[\\w/$]+)");

    @Test
    void noClassWrapsJavaMemoryOrUsesDjl() throws IOException, URISyntaxException {
        Path classes = Path.of(Tensors.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> args = new ArrayList<>(List.of("-c", "-p", "-v"));
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(p -> p.toString().endsWith(".class")).map(Path::toString).sorted().forEach(args::add);
        }
        assertTrue(args.size() > 300, "found the compiled classes in " + classes);
        StringWriter out = new StringWriter();
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
        int rc = javap.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertTrue(rc == 0, out.toString());
        TreeSet<String> found = new TreeSet<>();
        String current = "";
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("Classfile ")) {
                current = line.substring(line.lastIndexOf('/') + 1);
            }
            Matcher m = HAZARD.matcher(line);
            if (m.find()) {
                found.add(current + ": " + m.group(1));
            }
        }
        assertTrue(found.isEmpty(), "references to Java-memory tensors or DJL (make tensors with dev.topos.nn.Tensors):\n"
                + String.join("\n", found));
    }
}
