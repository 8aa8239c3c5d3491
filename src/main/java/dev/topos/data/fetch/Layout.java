package dev.topos.data.fetch;

import java.util.List;

/**
 * One accepted shape of a user's own copy of a data set ({@code --from PATH}), in the upstream
 * format: the paths that must exist under the copy's folder, and which files are copied into the
 * cache.
 *
 * @param description what the user should give, e.g. "an aclImdb/ folder with train/ and test/"
 * @param required relative paths (files or folders) that must exist; may be empty, in which case
 *     at least one file must match {@code copy}
 * @param copy which files are copied, and under which names
 */
public record Layout(String description, List<String> required, Keep copy) {
    public Layout {
        required = List.copyOf(required);
    }

    /** The first path segment all required paths share (e.g. {@code aclImdb}), or empty. */
    String topName() {
        if (required.isEmpty()) {
            return "";
        }
        String first = required.get(0);
        int slash = first.indexOf('/');
        String top = slash < 0 ? first : first.substring(0, slash);
        return required.stream().allMatch(r -> r.equals(top) || r.startsWith(top + "/")) ? top : "";
    }
}
