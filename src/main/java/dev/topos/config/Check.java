package dev.topos.config;

import java.util.List;

/** Range and choice checks for config fields; each failure names the field, the value and what is allowed. */
public final class Check {
    private Check() {}

    public static void range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(field + " = " + fmt(value) + " is out of range; allowed: " + fmt(min) + " .. " + fmt(max));
        }
    }

    public static void positive(String field, double value) {
        if (!(value > 0)) {
            throw new ConfigException(field + " = " + fmt(value) + " must be > 0");
        }
    }

    public static void oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new ConfigException(field + " = '" + value + "' is not allowed; allowed: " + String.join(", ", allowed));
        }
    }

    /** A name that is also a folder name: letters, digits, '.', '_' or '-' (a run is written to runs/NAME). */
    public static void name(String field, String value) {
        require(value != null && value.matches("[A-Za-z0-9._-]+"),
                field + " = '" + value + "' must be letters, digits, '.', '_' or '-'");
    }

    public static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
