package dev.topos.model;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import dev.topos.geometry.Sheet;
import dev.topos.geometry.Sheets;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a Columnformer's columns sit (spec section 4), in units of the grid spacing so that the
 * attention's local field (sigma = 2) means the same on every geometry.
 *
 * <ul>
 *   <li>{@code stacked}: {@code layers} grids of width x width, depth 2 apart (the reference
 *       default); distances plain Euclidean.</li>
 *   <li>{@code grid}: one flat width x width grid.</li>
 *   <li>{@code torus}: one width x width grid whose axes wrap.</li>
 *   <li>{@code sphere}: {@code columns} points of a Fibonacci lattice on a sphere of area
 *       {@code columns} (radius sqrt(N / 4 pi), so each column owns unit area), geodesic distance.</li>
 *   <li>{@code csv}: the user's coordinates ({@code file}), Euclidean.</li>
 * </ul>
 *
 * Single-surface sheets (all but stacked) are seen from height {@code lift} (D' = sqrt(D^2 + lift^2),
 * spec: "so self-attention is not free"). With {@code learned} the positions start from this sheet
 * and become parameters, kept apart by a repulsion of weight {@code repulsion} (see
 * {@link LearnedPositions}).
 *
 * @param kind      stacked, grid, torus, sphere or csv
 * @param layers    grid layers of a stacked sheet
 * @param width     grid width of stacked, grid and torus sheets
 * @param columns   number of columns of a sphere
 * @param file      coordinates CSV of a csv sheet (see {@link Sheets#fromCsv})
 * @param lift      height above single-surface sheets; 0 = none
 * @param learned   whether positions are learned
 * @param repulsion weight of the anti-collapse term of learned positions
 */
public record ColumnGeometry(String kind, int layers, int width, int columns, String file, double lift,
                             boolean learned, double repulsion) implements Validated {
    public static final List<String> KINDS = List.of("stacked", "grid", "torus", "sphere", "csv");

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "kind"), kind, KINDS);
        Check.range(at(p, "layers"), layers, 1, 1024);
        Check.range(at(p, "width"), width, 1, 4096);
        Check.range(at(p, "columns"), columns, 2, 1 << 24);
        Check.require(!"csv".equals(kind) || (file != null && !file.isBlank()),
                at(p, "file") + " must name a CSV of coordinates when " + at(p, "kind") + " = csv");
        Check.range(at(p, "lift"), lift, 0, 1e6);
        Check.range(at(p, "repulsion"), repulsion, 0, 1e6);
    }

    /** The sheet this geometry describes (a relative {@code file} is resolved against {@code base}). */
    public Sheet sheet(Path base) {
        Sheet flat = switch (kind) {
            case "stacked" -> Sheets.stackedGrid(layers, width);
            case "grid" -> Sheets.stackedGrid(1, width);
            case "torus" -> Sheets.torusGrid(width);
            case "sphere" -> Sheets.sphere(columns, Math.sqrt(columns / (4 * Math.PI)));
            case "csv" -> Sheets.fromCsv(base.resolve(file));
            default -> throw new IllegalArgumentException("geometry kind '" + kind + "' is not one of " + KINDS);
        };
        return "stacked".equals(kind) || lift == 0 ? flat : flat.lifted(lift);
    }
}
