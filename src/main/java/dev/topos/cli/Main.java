package dev.topos.cli;

import dev.topos.config.ComputeDevice;
import dev.topos.config.ConfigException;
import dev.topos.nn.Blas;
import dev.topos.train.StopSignal;
import dev.topos.util.BuildInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code topos} command line: {@code info}, {@code run}, {@code analyze}, {@code report},
 * {@code bench}, {@code soak}, {@code data}, {@code suites}.
 *
 * <p>Global options, accepted before or after the subcommand: {@code --device cpu|cuda|auto} (else
 * the environment variable {@code TOPOS_DEVICE}, else cpu; published as the system property
 * {@value ComputeDevice#PROPERTY}, which the engine reads when a command first makes a tensor,
 * so every command computes on it) and {@code --debug} (stack
 * traces). A user error (bad config, bad argument, unusable checkpoint, file problem) prints one
 * line {@code topos: <message>} on stderr and exits 2; an unexpected failure exits 1.
 */
@Command(name = "topos", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Brain-like topographic transformers: run experiments, analyse and report runs, "
                + "measure speed, fetch data sets, build test suites.",
        subcommands = {InfoCommand.class, RunCommand.class, AnalyzeCommand.class, ReportCommand.class,
                BenchCommand.class, SoakCommand.class, DataCommand.class, SuitesCommand.class, RunsCommand.class,
                CompareCommand.class})
public final class Main implements Callable<Integer> {
    /** Exit code of user errors (as picocli uses for usage errors). */
    public static final int USER_ERROR = 2;

    @Spec
    private CommandSpec spec;

    // The two global options are read from the ParseResult (see applyDevice, debug), which sees them
    // wherever they were given; the fields only declare them.
    @Option(names = "--device", scope = ScopeType.INHERIT, paramLabel = "cpu|cuda|auto",
            converter = DeviceConverter.class,
            description = "Device to compute on: cpu, cuda (gpu), or auto = cuda if present (default: $TOPOS_DEVICE, "
                    + "else cpu).")
    private ComputeDevice device;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean debug;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // figures are drawn off-screen
        Blas.useMkl(); // before libtorch loads
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also what tests execute). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parsed -> {
            applyDevice(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    /** {@code topos} alone prints the usage and fails. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USER_ERROR;
    }

    private static void applyDevice(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            ComputeDevice d = p.matchedOptionValue("--device", null);
            if (d != null) {
                System.setProperty(ComputeDevice.PROPERTY, d.toString());
            }
        }
    }

    private static boolean debug(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static int handle(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = debug(parsed);
        if (debug) {
            ex.printStackTrace(err);
        }
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof StopSignal.Stopped stopped) {
            err.println("topos: " + stopped.getMessage());
            err.flush();
            return stopped.exitCode();
        }
        if (t instanceof ConfigException || t instanceof IllegalArgumentException || t instanceof IOException) {
            err.println("topos: " + describe(t));
            err.flush();
            return USER_ERROR;
        }
        err.println("topos: unexpected " + t.getClass().getName() + ": " + t.getMessage()
                + (debug ? "" : " (run with --debug for the stack trace)"));
        err.flush();
        return 1;
    }

    /** A one-line message; the JDK's file exceptions carry only a path, so say what happened to it. */
    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file or folder: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return "already exists: " + e.getFile();
        }
        if (t instanceof NotDirectoryException e) {
            return "not a folder: " + e.getFile();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** Parses {@code --device} as {@link ComputeDevice#parse} does, with its error message. */
    static final class DeviceConverter implements CommandLine.ITypeConverter<ComputeDevice> {
        @Override
        public ComputeDevice convert(String value) {
            try {
                return ComputeDevice.parse(value, "--device");
            } catch (ConfigException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Supplies {@code topos --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"topos " + BuildInfo.current().describe()};
        }
    }
}
