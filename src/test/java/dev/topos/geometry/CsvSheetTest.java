package dev.topos.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSheetTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private String failure(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> Sheets.fromCsv(file)).getMessage();
    }

    @Test
    void parsesHeaderAndThreeColumns() throws IOException {
        Sheet sheet = Sheets.fromCsv(write("units.csv", "x, y, z\n0,0,0\n3, 4, 0\n\n1.5,-2,1e0\n"));
        assertEquals("csv", sheet.kind());
        assertEquals(3, sheet.size());
        assertEquals(3, sheet.dim());
        assertArrayEquals(new double[] {1.5, -2, 1}, sheet.coord(2));
        assertEquals(5.0, sheet.distance(0, 1), 1e-12);
        assertEquals(0.0, sheet.distance(2, 2));
    }

    @Test
    void parsesOneColumnWithoutHeader() throws IOException {
        Sheet sheet = Sheets.fromCsv(write("line.csv", "0\n2.5\r\n-1\n"));
        assertEquals(3, sheet.size());
        assertEquals(1, sheet.dim());
        assertEquals(3.5, sheet.distance(1, 2), 1e-12);
    }

    @Test
    void raggedRowNamesFileAndLine() throws IOException {
        Path file = write("ragged.csv", "x,y\n0,0\n1\n");
        String message = failure(file);
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("line 3"), message);
        assertTrue(message.contains("has 1 columns but earlier lines have 2"), message);
        assertTrue(message.contains("allowed: one unit per line, 1 to 3"), message);
    }

    @Test
    void nonNumericCellNamesFileLineAndValue() throws IOException {
        Path file = write("words.csv", "0,0\n1,abc\n");
        String message = failure(file);
        assertTrue(message.contains(file + ", line 2"), message);
        assertTrue(message.contains("column 2: 'abc' is not a finite number"), message);
    }

    @Test
    void nonFiniteValuesAreRejected() throws IOException {
        String message = failure(write("nan.csv", "0,NaN\n"));
        assertTrue(message.contains("line 1") && message.contains("'NaN'"), message);
    }

    @Test
    void tooManyColumnsAreRejected() throws IOException {
        String message = failure(write("wide.csv", "1,2,3,4\n"));
        assertTrue(message.contains("line 1: has 4 columns"), message);
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRejected() throws IOException {
        for (Path file : new Path[] {write("empty.csv", ""), write("header.csv", "x,y\n\n")}) {
            String message = failure(file);
            assertTrue(message.contains(file + " has no coordinate rows"), message);
        }
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.csv");
        String message = failure(file);
        assertTrue(message.contains(file + " does not exist"), message);
    }

    @Test
    void csvSheetsHaveNoArea() throws IOException {
        Sheet sheet = Sheets.fromCsv(write("pts.csv", "0,0\n1,1\n"));
        String message = assertThrows(IllegalArgumentException.class, () -> sheet.fieldRadius(0.5)).getMessage();
        assertTrue(message.contains("'csv' sheet has no defined area"), message);
    }
}
