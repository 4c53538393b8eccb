package sspr.errors;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds and loads the C library on first use.
 *
 * <p>Order: the system property {@code sspr.errors.library}, else the
 * environment variable {@code SSPR_ERRORS_LIBRARY} (a full path; when set, the
 * only place tried), else JNA's search (the {@code jna.library.path} property,
 * then the system's loader) for the file of major version 1:
 * libsspr-errors.so.1 (Linux), libsspr-errors-1.dll (Windows),
 * libsspr-errors.1.dylib (macOS). */
final class Loader {
    static final String PROPERTY = "sspr.errors.library";
    static final String ENVIRONMENT = "SSPR_ERRORS_LIBRARY";
    static final int ABI_MAJOR = 1;

    private static NativeLib lib;
    private static String failure;

    private Loader() {
    }

    static String fileName() {
        if (Platform.isWindows()) {
            return "libsspr-errors-" + ABI_MAJOR + ".dll";
        }
        if (Platform.isMac()) {
            return "libsspr-errors." + ABI_MAJOR + ".dylib";
        }
        return "libsspr-errors.so." + ABI_MAJOR;
    }

    /** The library; LibraryNotFoundError (every time) when it cannot be loaded. */
    static synchronized NativeLib lib() {
        if (lib == null && failure == null) {
            try {
                lib = load();
            } catch (LibraryNotFoundError e) {
                failure = e.getMessage();
            }
        }
        if (lib == null) {
            throw new LibraryNotFoundError(failure);
        }
        return lib;
    }

    private static NativeLib load() {
        String prop = System.getProperty(PROPERTY);
        String env = System.getenv(ENVIRONMENT);
        String given = prop != null && !prop.isEmpty() ? prop : env != null && !env.isEmpty() ? env : null;
        String name = given != null ? given : fileName();
        List<String> tried = new ArrayList<>();
        try {
            NativeLib n = Native.load(name, NativeLib.class,
                    Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
            String v = n.sspr_version();
            if (v == null || !v.startsWith(ABI_MAJOR + ".")) {
                throw new LibraryNotFoundError(name + " is libsspr-errors " + v
                        + "; these bindings need major version " + ABI_MAJOR);
            }
            return n;
        } catch (UnsatisfiedLinkError e) {
            if (e instanceof LibraryNotFoundError) {
                throw e;
            }
            tried.add(name + " (" + e.getMessage().replace('\n', ' ') + ")");
        }
        String how = given == null
                ? "Install it, put it where the system's loader looks, or give its full path in the "
                        + "system property " + PROPERTY + " or the environment variable " + ENVIRONMENT
                : (prop != null && !prop.isEmpty() ? PROPERTY : ENVIRONMENT)
                        + " is set but does not name a loadable libsspr-errors; set it to the full path "
                        + "of the shared library";
        throw new LibraryNotFoundError("cannot load the libsspr-errors shared library (tried: "
                + String.join("; ", tried) + "). " + how + ", e.g. " + ENVIRONMENT + "="
                + (Platform.isWindows() ? "C:\\path\\to\\" : "/path/to/build/src/lib/") + fileName());
    }
}
