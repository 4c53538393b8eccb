package sspr.errors;

/** Loads the library and prints its version, or the LibraryNotFoundError's
 * message (exit 3): the loading checks of tests/bindings/java_test.py. */
public final class LoadCheck {
    private LoadCheck() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(SsprErrors.version());
        } catch (LibraryNotFoundError e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
