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
 * No Topos class calls a DJL method that lets libtorch read or write a Java buffer after it is freed
 * (see {@link Tensors}): {@code NDArray} arithmetic with a {@code Number}, {@code NDArray.copyTo},
 * {@code NDArray.set(Buffer)}. Read from the compiled classes with {@code javap}, so that every call
 * site counts, however it is written.
 */
class EngineHazardsTest {
    private static final Pattern HAZARD = Pattern.compile(
            "ai/djl/ndarray/NDArray\\.(\\w+):\\((Ljava/lang/Number;|Lai/djl/ndarray/NDArray;\\)V|Ljava/nio/Buffer;)");

    @Test
    void noClassCallsAHazardousDjlMethod() throws IOException, URISyntaxException {
        Path classes = Path.of(Tensors.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> args = new ArrayList<>(List.of("-c", "-p"));
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
            if (line.startsWith("public ") || line.startsWith("final ") || line.startsWith("class ")
                    || line.startsWith("interface ") || line.startsWith("abstract ")) {
                current = line;
            }
            Matcher m = HAZARD.matcher(line);
            if (m.find() && (!m.group(2).startsWith("Lai") || m.group(1).equals("copyTo"))) {
                found.add(current.replaceAll("\\s*\\{$", "") + ": NDArray." + m.group(1) + m.group(2));
            }
        }
        assertTrue(found.isEmpty(), "calls that leave libtorch a Java buffer to free (use dev.topos.nn.Tensors):\n"
                + String.join("\n", found));
    }
}
