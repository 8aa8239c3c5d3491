package dev.topos.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Experiment YAML files: a path given by the user, or a bundled experiment {@code NAME}, the class
 * path resource {@code experiments/NAME.yaml} (the repository's {@code experiments/} folder, which
 * the build copies into the jar).
 */
final class Experiments {
    static final String FOLDER = "experiments";
    private static final String SUFFIX = ".yaml";
    /** What a bundled experiment's name and a run's name may consist of. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private Experiments() {}

    /**
     * An experiment's text.
     *
     * @param baseName the file name without .yaml/.yml, the run's default name
     * @param source   names the file in messages
     */
    record Experiment(String baseName, String source, String text) {}

    /** The file at {@code arg} if there is one, else the bundled experiment of that name. */
    static Experiment find(String arg) throws IOException {
        Path file = asPath(arg);
        if (file != null && Files.isRegularFile(file)) {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return new Experiment(name, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        String resource = FOLDER + "/" + arg + SUFFIX;
        try (InputStream in = NAME.matcher(arg).matches() ? loader().getResourceAsStream(resource) : null) {
            if (in != null) {
                return new Experiment(arg, resource + " (bundled)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        List<String> bundled = bundled();
        throw new IllegalArgumentException("experiment '" + arg + "' is neither a YAML file nor a bundled experiment; "
                + "bundled: " + (bundled.isEmpty() ? "(none)" : String.join(", ", bundled)));
    }

    /** Names of the bundled experiments, sorted. */
    static List<String> bundled() throws IOException {
        Set<String> names = new TreeSet<>();
        Enumeration<URL> folders = loader().getResources(FOLDER);
        while (folders.hasMoreElements()) {
            URL url = folders.nextElement();
            if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(p -> p.getFileName().toString()).forEach(n -> addYaml(n, names));
                } catch (URISyntaxException e) {
                    throw new IOException("cannot list " + url + ": " + e.getMessage(), e);
                }
            } else if ("jar".equals(url.getProtocol())) {
                URLConnection connection = url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                    String prefix = FOLDER + "/";
                    jar.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
                            .forEach(n -> addYaml(n.substring(prefix.length()), names));
                }
            }
        }
        return List.copyOf(names);
    }

    private static void addYaml(String fileName, Set<String> names) {
        if (fileName.endsWith(SUFFIX)) {
            names.add(fileName.substring(0, fileName.length() - SUFFIX.length()));
        }
    }

    private static Path asPath(String arg) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static ClassLoader loader() {
        return Experiments.class.getClassLoader();
    }
}
