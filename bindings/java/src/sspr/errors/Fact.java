package sspr.errors;

import com.sun.jna.Pointer;
import java.util.Optional;

/** A number or literal value the documentation states; a handle into the
 * library's static data. */
public final class Fact {
    private final Pointer p;

    private Fact(Pointer p) {
        this.p = p;
    }

    static Fact of(Pointer p) {
        return p == null ? null : new Fact(p);
    }

    /** Machine-readable key. */
    public String key() {
        return Loader.lib().sspr_fact_key(p);
    }

    /** What it means. */
    public String text() {
        return Loader.lib().sspr_fact_text(p);
    }

    /** Unit, or null. */
    public String unit() {
        return Loader.lib().sspr_fact_unit(p);
    }

    /** A number or a range (else a string). */
    public boolean isNumber() {
        return Loader.lib().sspr_fact_is_number(p) != 0;
    }

    /** Lower end of a numeric fact. */
    public double min() {
        return Loader.lib().sspr_fact_min(p);
    }

    /** Upper end of a numeric fact. */
    public double max() {
        return Loader.lib().sspr_fact_max(p);
    }

    /** A string fact's value; null for numbers. */
    public String string() {
        return Loader.lib().sspr_fact_string(p);
    }

    /** "2017", "current" or "field". */
    public String origin() {
        return Loader.lib().sspr_fact_origin(p);
    }

    /** The older fact this one replaces, if any. */
    public Optional<Fact> supersedes() {
        return Optional.ofNullable(of(Loader.lib().sspr_fact_supersedes(p)));
    }

    /** The page stating it when not one of the entry's references, or null. */
    public String url() {
        return Loader.lib().sspr_fact_url(p);
    }

    /** The day url() was read, or null. */
    public String date() {
        return Loader.lib().sspr_fact_date(p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact && ((Fact) o).p.equals(p);
    }

    @Override
    public int hashCode() {
        return p.hashCode();
    }
}
