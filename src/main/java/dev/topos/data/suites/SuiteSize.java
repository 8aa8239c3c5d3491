package dev.topos.data.suites;

/**
 * How many items a suite builder aims for per condition, and the fewest it accepts.
 *
 * @param target  items wanted per condition (the defaults: 200, where the data allows)
 * @param minimum fewer than this is an error (the spec's 100)
 */
public record SuiteSize(int target, int minimum) {
    public SuiteSize {
        if (minimum < 1 || target < minimum) {
            throw new IllegalArgumentException("suite size: target = " + target + ", minimum = " + minimum
                    + "; allowed: 1 <= minimum <= target");
        }
    }

    public static SuiteSize defaults() {
        return new SuiteSize(200, SuiteFile.DEFAULT_MIN_ITEMS);
    }

    /** @throws IllegalArgumentException if {@code available} items are fewer than the minimum */
    void require(String suite, String condition, int available, String rule) {
        if (available < minimum) {
            throw new IllegalArgumentException(suite + ": the data give only " + available + " " + condition
                    + " items (" + rule + "); at least " + minimum + " are required");
        }
    }
}
