package sspr.errors;

/** libsspr-errors could not be loaded; the message says what was tried and how
 * to point at the library. */
public final class LibraryNotFoundError extends UnsatisfiedLinkError {
    private static final long serialVersionUID = 1L;

    LibraryNotFoundError(String message) {
        super(message);
    }
}
