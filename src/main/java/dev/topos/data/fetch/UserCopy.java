package dev.topos.data.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Copies a user's own copy of a data set ({@code --from PATH}, in the upstream format) into a
 * staging folder, after checking that it holds what one of the data set's {@link Layout}s
 * requires. PATH is the folder holding the files, or the file or folder a layout names at its top
 * (e.g. {@code .../aclImdb} or {@code .../reviews.json}).
 */
final class UserCopy {
    private static final int MAX_LISTED = 5;

    private UserCopy() {
    }

    /** Fills {@code dest} from the copy at {@code path}; returns its manifest. */
    static Manifest copy(DataSet set, Path path, Path dest) throws IOException {
        Path copy = path.toAbsolutePath().normalize();
        if (!Files.exists(copy)) {
            throw new DataSetException(set.name(), "no such file or folder: " + copy);
        }
        List<String> problems = new ArrayList<>();
        for (Layout layout : set.userCopies()) {
            Optional<Path> root = root(copy, layout);
            if (root.isEmpty()) {
                problems.add(layout.description() + " (" + copy + " is a file)");
                continue;
            }
            List<String> missing = layout.required().stream()
                    .filter(r -> !Files.exists(root.get().resolve(r)))
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(layout.description() + " (missing " + list(missing) + ")");
                continue;
            }
            List<Manifest.FileEntry> files = new FolderEntries(root.get()).copy(layout.copy(), dest);
            if (files.isEmpty()) {
                problems.add(layout.description() + " (no files matching " + layout.copy() + ")");
                continue;
            }
            return Manifest.ofUserCopy(set, copy, files);
        }
        throw new DataSetException(set.name(), copy + " is not a usable copy; expected " + String.join(", or ", problems));
    }

    /** The folder the layout's paths are relative to: the named file's or folder's parent, else the folder itself. */
    private static Optional<Path> root(Path copy, Layout layout) {
        Path name = copy.getFileName();
        if (name != null && name.toString().equals(layout.topName())) {
            return Optional.of(copy.getParent());
        }
        return Files.isDirectory(copy) ? Optional.of(copy) : Optional.empty();
    }

    private static String list(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size())));
        return names.size() <= MAX_LISTED ? shown : shown + " and " + (names.size() - MAX_LISTED) + " more";
    }
}
