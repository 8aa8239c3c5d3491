package dev.topos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.topos.train.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topos runs} and {@code topos compare} on small real runs. */
class RunsAndCompareTest {
    @TempDir
    Path tmp;

    @Test
    void runsListsEachFolderWithItsStateAndCompareSetsThemSideBySide() throws Exception {
        Path exp = TinyTem.write(tmp, 14);
        Path root = tmp.resolve("runs");
        Path a = root.resolve("a");
        Path b = root.resolve("group").resolve("b");
        assertEquals(0, MainTest.topos("run", exp.toString(), "--out", a.toString()).code());
        assertEquals(0, MainTest.topos("run", exp.toString(), "--out", b.toString(), "--set", "train.lr=0.002").code());
        // A run killed outright leaves run.json saying "running" and no live process holding the folder.
        Path killed = root.resolve("killed");
        Files.createDirectories(killed);
        Files.copy(a.resolve("config.yaml"), killed.resolve("config.yaml"));
        ObjectNode record = RunRecord.read(a);
        record.put("state", "running");
        Files.writeString(killed.resolve(RunRecord.FILE), new ObjectMapper().writeValueAsString(record));

        MainTest.Result runs = MainTest.topos("runs", root.toString());
        assertEquals(0, runs.code(), runs.err());
        List<String> lines = runs.out().strip().lines().toList();
        assertEquals(4, lines.size(), runs.out());
        assertTrue(lines.get(0).matches("RUN\\s+STUDY\\s+STATE\\s+STEPS\\s+FIGURES\\s+WALL\\s+DATE"), lines.get(0));
        assertTrue(lines.get(1).matches("a\\s+tem\\s+complete\\s+14/14\\s+acc_visited=\\S+ acc_zero_shot=.*"),
                lines.get(1));
        assertTrue(lines.get(2).matches("group/b\\s+tem\\s+complete\\s+14/14\\s+acc_visited=.*"), lines.get(2));
        assertTrue(lines.get(3).matches("killed\\s+tem\\s+incomplete\\s+-/14\\s+-\\s+.*"), lines.get(3));
        assertTrue(MainTest.topos("runs", tmp.resolve("empty").toString()).err().contains("no such folder"));

        Path out = tmp.resolve("cmp");
        MainTest.Result cmp = MainTest.topos("compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, cmp.code(), cmp.err());
        assertTrue(cmp.out().lines().anyMatch(l -> l.matches("\\s+a\\s+b")), cmp.out());
        assertTrue(cmp.out().lines().anyMatch(l -> l.matches("state\\s+complete\\s+complete")), cmp.out());
        assertTrue(cmp.out().lines().anyMatch(l -> l.matches("acc_visited\\s+\\S+\\s+\\S+")), cmp.out());
        assertTrue(cmp.out().contains("configs differ in:"), cmp.out());
        assertTrue(cmp.out().lines().anyMatch(l -> l.matches("train\\.lr\\s+\\S+\\s+0\\.002")), cmp.out());
        String html = Files.readString(out.resolve("compare.html"));
        assertTrue(html.contains("figures/compare_loss.png"), html);
        assertTrue(Files.size(out.resolve("figures/compare_loss.png")) > 1000);
        assertTrue(html.contains("Config keys that differ"), html);
        MainTest.Result one = MainTest.topos("compare", a.toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("(RUN) requires at least 2 values"), one.err());
    }
}
