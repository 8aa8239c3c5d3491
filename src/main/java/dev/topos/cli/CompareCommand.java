package dev.topos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.topos.config.Configs;
import dev.topos.report.CompareReport;
import dev.topos.report.ReportTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code topos compare RUN RUN...}: the runs' state, steps, wall time, key figures and config
 * differences side by side, and an HTML page overlaying their training curves.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare runs: state, steps, wall time, key figures and the config keys that differ, side "
                + "by side; and compare.html overlaying their training curves."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUN", description = "Run folders made by 'topos run'.")
    private List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for compare.html (default: runs/compare).")
    private Path out = Path.of("runs", "compare");

    @Override
    public Integer call() throws IOException {
        Map<String, RunInfo> infos = new LinkedHashMap<>();
        for (Path dir : runs) {
            RunInfo info = RunInfo.of(dir);
            String label = dir.toAbsolutePath().normalize().getFileName().toString();
            if (infos.containsKey(label)) {
                label = dir.toString();
            }
            if (infos.putIfAbsent(label, info) != null) {
                throw new IllegalArgumentException(dir + " is given twice");
            }
        }
        List<RunInfo> all = new ArrayList<>(infos.values());
        List<List<Object>> figures = new ArrayList<>();
        figures.add(row("study", all, r -> r.study().name()));
        figures.add(row("state", all, RunInfo::state));
        figures.add(row("steps", all, RunInfo::stepsText));
        figures.add(row("wall", all, RunInfo::wallText));
        Set<String> keys = new LinkedHashSet<>();
        all.forEach(r -> keys.addAll(r.figures().keySet()));
        for (String key : keys) {
            figures.add(row(key, all, r -> r.figures().containsKey(key) ? RunInfo.value(r.figures().get(key)) : "-"));
        }
        List<List<Object>> config = new ArrayList<>();
        for (String key : Configs.differences(all.stream().map(RunInfo::config).toList())) {
            config.add(row(key, all, r -> {
                JsonNode v = Configs.leaves(r.config()).get(key);
                return v == null ? "(absent)" : RunInfo.value(v);
            }));
        }
        List<String> columns = new ArrayList<>(List.of(""));
        columns.addAll(infos.keySet());
        PrintWriter pw = spec.commandLine().getOut();
        print(pw, columns, figures);
        pw.println();
        if (config.isEmpty()) {
            pw.println("configs: identical");
        } else {
            pw.println("configs differ in:");
            print(pw, columns, config);
        }
        Map<String, Path> dirs = new LinkedHashMap<>();
        infos.forEach((label, r) -> dirs.put(label, r.dir()));
        List<ReportTable> tables = new ArrayList<>(List.of(new ReportTable("Key figures", columns, figures)));
        if (!config.isEmpty()) {
            tables.add(new ReportTable("Config keys that differ", columns, config));
        }
        Path page = CompareReport.write(out, dirs, tables);
        pw.println();
        pw.println("Compare page: " + page.toAbsolutePath());
        pw.flush();
        return 0;
    }

    private static List<Object> row(String name, List<RunInfo> runs, Function<RunInfo, String> cell) {
        List<Object> row = new ArrayList<>(List.of(name));
        runs.forEach(r -> row.add(cell.apply(r)));
        return row;
    }

    private static void print(PrintWriter out, List<String> columns, List<List<Object>> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(columns.toArray(String[]::new));
        rows.forEach(r -> lines.add(r.stream().map(String::valueOf).toArray(String[]::new)));
        TextTable.print(out, lines);
    }
}
