package dev.topos.bench;

import java.util.List;
import java.util.stream.Collectors;

/** The benchmarks {@code topos bench} knows, by name. */
public final class Benchmarks {
    private static final List<Benchmark> ALL = List.of(new TemBench(), new TopoformerBench(), new TopoformerBertBench(),
            new ColumnformerBench());

    private Benchmarks() {}

    public static List<String> names() {
        return ALL.stream().map(Benchmark::name).toList();
    }

    /** The benchmark called {@code name}; an unknown name is an error listing the available ones. */
    public static Benchmark byName(String name) {
        return ALL.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown benchmark '" + name + "'; available: "
                        + (ALL.isEmpty() ? "(none yet)" : ALL.stream().map(Benchmark::name)
                                .collect(Collectors.joining(", ")))));
    }
}
