package sspr.errors;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One catalogue entry: an event, a symptom, a procedure, a checklist or an
 * audit-log activity. A handle into the library's static data: immutable,
 * valid for the life of the process, equal to every handle of the same entry.
 * Lists are new unmodifiable lists on each call. */
public final class Entry {
    private final Pointer p;

    private Entry(Pointer p) {
        this.p = p;
    }

    static Entry of(Pointer p) {
        return p == null ? null : new Entry(p);
    }

    private static NativeLib n() {
        return Loader.lib();
    }

    /** Stable id, e.g. "prs-32009". */
    public String id() {
        return n().sspr_entry_id(p);
    }

    /** What the entry is. */
    public SsprErrors.Kind kind() {
        return SsprErrors.Kind.values()[n().sspr_entry_kind(p)];
    }

    /** Event source ("PasswordResetService", ...), or null. */
    public String source() {
        return n().sspr_entry_source(p);
    }

    /** The event code, or empty when the entry has none. */
    public OptionalLong code() {
        long c = n().sspr_entry_code(p);
        return c < 0 ? OptionalLong.empty() : OptionalLong.of(c);
    }

    /** The documented name, byte-exact, or null. */
    public String name() {
        return n().sspr_entry_name(p);
    }

    /** One-line title. */
    public String title() {
        return n().sspr_entry_title(p);
    }

    /** What it means. */
    public String summary() {
        return n().sspr_entry_summary(p);
    }

    /** How serious it is. */
    public SsprErrors.Severity severity() {
        return SsprErrors.Severity.values()[n().sspr_entry_severity(p)];
    }

    /** Product area ("writeback", ...). */
    public String area() {
        return n().sspr_entry_area(p);
    }

    /** Heading of the documentation section. */
    public String section() {
        return n().sspr_entry_section(p);
    }

    /** "2017", "current" or "field". */
    public String origin() {
        return n().sspr_entry_origin(p);
    }

    /** A procedure's position in the recovery sequence (1 = first); 0 otherwise. */
    public int order() {
        return n().sspr_entry_order(p);
    }

    private <C, T> List<T> list(Function<Pointer, NativeLib.SizeT> count,
            BiFunction<Pointer, NativeLib.SizeT, C> item, Function<C, T> convert) {
        long k = count.apply(p).longValue();
        List<T> out = new ArrayList<>((int) k);
        for (long i = 0; i < k; i++) {
            out.add(convert.apply(item.apply(p, new NativeLib.SizeT(i))));
        }
        return Collections.unmodifiableList(out);
    }

    /** Other names people use. */
    public List<String> aliases() {
        return list(n()::sspr_entry_alias_count, n()::sspr_entry_alias, s -> s);
    }

    /** Literal messages a user sees or a log prints. */
    public List<String> messages() {
        return list(n()::sspr_entry_message_count, n()::sspr_entry_message, s -> s);
    }

    /** Possible causes. */
    public List<String> causes() {
        return list(n()::sspr_entry_cause_count, n()::sspr_entry_cause, s -> s);
    }

    /** Resolution steps, in order. */
    public List<String> steps() {
        return list(n()::sspr_entry_step_count, n()::sspr_entry_step, s -> s);
    }

    /** The HRESULTs this entry is (their 32 bits in an int). */
    public List<Integer> hresults() {
        return list(n()::sspr_entry_hresult_count, n()::sspr_entry_hresult, h -> h);
    }

    /** Procedures the resolution uses. */
    public List<Entry> procedures() {
        return list(n()::sspr_entry_procedure_count, n()::sspr_entry_procedure, Entry::of);
    }

    /** Closely related entries. */
    public List<Entry> related() {
        return list(n()::sspr_entry_related_count, n()::sspr_entry_related, Entry::of);
    }

    /** Facts the documentation states (limits, ports, delays). */
    public List<Fact> facts() {
        return list(n()::sspr_entry_fact_count, n()::sspr_entry_fact, Fact::of);
    }

    /** The pages and posts its content comes from. */
    public List<SsprErrors.Reference> references() {
        return list(n()::sspr_entry_ref_count, n()::sspr_entry_ref,
                r -> new SsprErrors.Reference(n().sspr_ref_url(r), n().sspr_ref_date(r), n().sspr_ref_title(r)));
    }

    /** Codes and HRESULTs the entry quotes without being that event. */
    public List<SsprErrors.Mention> mentions() {
        long k = n().sspr_entry_mention_count(p).longValue();
        List<SsprErrors.Mention> out = new ArrayList<>();
        for (long i = 0; i < k; i++) {
            PointerByReference source = new PointerByReference();
            LongByReference code = new LongByReference();
            IntByReference hr = new IntByReference();
            if (n().sspr_entry_mention(p, new NativeLib.SizeT(i), source, code, hr) == 1) {
                Pointer s = source.getValue();
                out.add(new SsprErrors.Mention(s == null ? null : s.getString(0, "UTF-8"),
                        code.getValue() < 0 ? OptionalLong.empty() : OptionalLong.of(code.getValue()),
                        hr.getValue()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The fact with this key, if the entry has it. */
    public Optional<Fact> fact(String key) {
        SsprErrors.check(key, "key");
        return Optional.ofNullable(Fact.of(n().sspr_entry_fact_by_key(p, key)));
    }

    /** "id: title". */
    @Override
    public String toString() {
        return id() + ": " + title();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry && ((Entry) o).p.equals(p);
    }

    @Override
    public int hashCode() {
        return p.hashCode();
    }
}
