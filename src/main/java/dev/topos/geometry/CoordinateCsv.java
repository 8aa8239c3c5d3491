package dev.topos.geometry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads unit coordinates from a CSV file: one unit per line, 1 to 3 numeric columns separated by
 * commas, optionally preceded by one header line whose cells are all non-numeric (column names).
 * Blank lines are skipped. Every error names the file, the line, the offending value and what is
 * allowed.
 */
final class CoordinateCsv {
    static final int MAX_COLUMNS = 3;
    private static final String ALLOWED = "allowed: one unit per line, 1 to " + MAX_COLUMNS
            + " finite numbers separated by commas, optionally one header line of column names first";

    private CoordinateCsv() {
    }

    static double[][] read(Path file) {
        List<String> lines = lines(file);
        List<double[]> rows = new ArrayList<>();
        int columns = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (columns == 0) {
                columns = cells.length;
                if (columns > MAX_COLUMNS) {
                    throw error(file, i, "has " + columns + " columns");
                }
                if (rows.isEmpty() && isHeader(cells)) {
                    continue;
                }
            } else if (cells.length != columns) {
                throw error(file, i, "has " + cells.length + " columns but earlier lines have " + columns
                        + " (\"" + line + "\")");
            }
            rows.add(parse(file, i, cells));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("coordinates file " + file + " has no coordinate rows; " + ALLOWED);
        }
        return rows.toArray(new double[0][]);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("coordinates file " + file + " does not exist; " + ALLOWED, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("coordinates file " + file + " cannot be read as UTF-8 text ("
                    + e + "); " + ALLOWED, e);
        }
    }

    private static boolean isHeader(String[] cells) {
        for (String cell : cells) {
            if (number(cell) != null) {
                return false;
            }
        }
        return true;
    }

    private static double[] parse(Path file, int index, String[] cells) {
        double[] row = new double[cells.length];
        for (int c = 0; c < cells.length; c++) {
            Double value = number(cells[c]);
            if (value == null) {
                throw error(file, index, "column " + (c + 1) + ": '" + cells[c].strip() + "' is not a finite number");
            }
            row[c] = value;
        }
        return row;
    }

    /** The cell as a finite double, or null. */
    private static Double number(String cell) {
        try {
            double value = Double.parseDouble(cell.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static IllegalArgumentException error(Path file, int index, String problem) {
        return new IllegalArgumentException(
                "coordinates file " + file + ", line " + (index + 1) + ": " + problem + "; " + ALLOWED);
    }
}
