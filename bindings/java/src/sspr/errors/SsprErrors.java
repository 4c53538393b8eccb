package sspr.errors;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The lookups of libsspr-errors: Microsoft SSPR and Password Writeback
 * errors, event-log codes, symptoms and fixes. Every answer comes from the C
 * library (through JNA). Lists are unmodifiable; values are records; entries
 * are handles into the library's static data and stay valid. HRESULTs are
 * their 32 bits in an int ({@code Integer.toUnsignedLong} reads them). */
public final class SsprErrors {
    private SsprErrors() {
    }

    /** What an entry is (the C enum sspr_kind, by ordinal). */
    public enum Kind { NONE, EVENT, SYMPTOM, PROCEDURE, CHECKLIST, AUDIT }

    /** How serious an entry is (the C enum sspr_severity, by ordinal). */
    public enum Severity { NONE, INFO, WARNING, ERROR }

    /** How well a text names an entry (the C enum sspr_confidence, by ordinal). */
    public enum Confidence { NONE, LOW, MEDIUM, HIGH }

    /** One answer of search or lookupResults. */
    public record Hit(Entry entry, double score, Confidence confidence) {
    }

    /** An entry a record names, with the record's first line. */
    public record Match(long line, Entry entry) {
    }

    /** A code or HRESULT an entry quotes (source null, code empty or hresult 0 when absent). */
    public record Mention(String source, OptionalLong code, int hresult) {
    }

    /** A page or post an entry's content comes from (date and title may be null). */
    public record Reference(String url, String date, String title) {
    }

    /** What the bits of an HRESULT say (names null when the library has none). */
    public record HResultInfo(int value, boolean failure, int facility, String facilityName, int code,
            String win32Name, String win32Message) {
    }

    static String check(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " contains a NUL character");
        }
        return value;
    }

    /** The C library's version, e.g. "1.1.0". */
    public static String version() {
        return Loader.lib().sspr_version();
    }

    /** The version of the catalogue built into the library. */
    public static String catalogVersion() {
        return Loader.lib().sspr_catalog_version();
    }

    /** The number of entries. */
    public static int count() {
        return (int) Loader.lib().sspr_count().longValue();
    }

    /** The whole catalogue, in order. */
    public static List<Entry> entries() {
        int n = count();
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Entry.of(Loader.lib().sspr_at(new NativeLib.SizeT(i))));
        }
        return Collections.unmodifiableList(out);
    }

    private interface Query {
        NativeLib.SizeT run(Pointer[] out, NativeLib.SizeT cap);
    }

    private static List<Entry> collect(Query q) {
        int n = (int) q.run(null, new NativeLib.SizeT(0)).longValue();
        List<Entry> out = new ArrayList<>(n);
        if (n > 0) {
            Pointer[] buf = new Pointer[n];
            n = Math.min(n, (int) q.run(buf, new NativeLib.SizeT(n)).longValue());
            for (int i = 0; i < n; i++) {
                out.add(Entry.of(buf[i]));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private interface ResultQuery {
        NativeLib.SizeT run(NativeLib.Result[] out, NativeLib.SizeT cap);
    }

    private static List<Hit> results(int limit, ResultQuery q) {
        int n = (int) q.run(null, new NativeLib.SizeT(0)).longValue();
        if (limit > 0 && n > limit) {
            n = limit;
        }
        List<Hit> out = new ArrayList<>(n);
        if (n > 0) {
            NativeLib.Result[] buf = (NativeLib.Result[]) new NativeLib.Result().toArray(n);
            n = Math.min(n, (int) q.run(buf, new NativeLib.SizeT(n)).longValue());
            for (int i = 0; i < n; i++) {
                out.add(new Hit(Entry.of(buf[i].entry), buf[i].score, Confidence.values()[buf[i].confidence]));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Everything matching what a person pasted (a code, "Event ID 32009", an
     * HRESULT in any form, an id, a name, a message), best first. */
    public static List<Entry> lookup(String query) {
        check(query, "query");
        NativeLib n = Loader.lib();
        return collect((out, cap) -> n.sspr_lookup(query, out, cap));
    }

    /** lookup with a score and a confidence for each hit. */
    public static List<Hit> lookupResults(String query) {
        check(query, "query");
        NativeLib n = Loader.lib();
        return results(0, (out, cap) -> n.sspr_lookup_results(query, out, cap));
    }

    /** The entry with this id (any case). */
    public static Optional<Entry> byId(String id) {
        check(id, "id");
        return Optional.ofNullable(Entry.of(Loader.lib().sspr_by_id(id)));
    }

    /** The entry with this name or alias (any case). */
    public static Optional<Entry> byName(String name) {
        check(name, "name");
        return Optional.ofNullable(Entry.of(Loader.lib().sspr_by_name(name)));
    }

    /** Entries with this event code (0 to 4294967295); source null for any source. */
    public static List<Entry> byCode(String source, long code) {
        if (source != null) {
            check(source, "source");
        }
        if (code < 0 || code > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("code " + code + " is not a 32-bit event code");
        }
        NativeLib n = Loader.lib();
        return collect((out, cap) -> n.sspr_by_code(source, (int) code, out, cap));
    }

    /** Entries with this HRESULT (its 32 bits). */
    public static List<Entry> byHResult(int hresult) {
        NativeLib n = Loader.lib();
        return collect((out, cap) -> n.sspr_by_hresult(hresult, out, cap));
    }

    /** Ranked free-text search (what a ticket says), best first: at most limit
     * hits, 0 for all. */
    public static List<Hit> search(String text, int limit) {
        check(text, "text");
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit + " is negative");
        }
        NativeLib n = Loader.lib();
        return results(limit, (out, cap) -> n.sspr_search_results(text, out, cap));
    }

    /** Reads one HRESULT as a person writes it ("0x80070005", "80070005",
     * "-2147024891", "hr=800700CE"); IllegalArgumentException otherwise. */
    public static int parseHResult(String text) {
        check(text, "text");
        IntByReference out = new IntByReference();
        if (Loader.lib().sspr_hresult_parse(text, out) != 1) {
            throw new IllegalArgumentException("'" + text + "' is not an HRESULT");
        }
        return out.getValue();
    }

    /** What the bits of any HRESULT say. */
    public static HResultInfo decodeHResult(int hresult) {
        NativeLib n = Loader.lib();
        int facility = n.sspr_hresult_facility(hresult);
        int code = n.sspr_hresult_code(hresult);
        return new HResultInfo(hresult, n.sspr_hresult_severity(hresult) != 0, facility,
                n.sspr_facility_name(facility), code,
                facility == 7 ? n.sspr_win32_error_name(code) : null,
                facility == 7 ? n.sspr_win32_error_message(code) : null);
    }

    /** The records of an export held in memory (Event Viewer, wevtutil,
     * PowerShell, CSV, audit JSON, plain text; UTF-8 or UTF-16). */
    public static List<ScanRecord> scan(byte[] data) {
        Objects.requireNonNull(data, "data");
        try (Scanner s = new Scanner()) {
            List<ScanRecord> out = new ArrayList<>(s.feed(data, 0, data.length));
            out.addAll(s.finish());
            return Collections.unmodifiableList(out);
        }
    }

    /** The records of an export read from a stream to its end. */
    public static List<ScanRecord> scan(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        try (Scanner s = new Scanner()) {
            List<ScanRecord> out = new ArrayList<>();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0;) {
                out.addAll(s.feed(buf, 0, n));
            }
            out.addAll(s.finish());
            return Collections.unmodifiableList(out);
        }
    }

    /** Each entry each record names, with the record's first line (what
     * sspr-errors scan prints), catalogue order within a record. */
    public static List<Match> scanMatches(byte[] data) {
        Objects.requireNonNull(data, "data");
        NativeLib n = Loader.lib();
        List<Match> found = new ArrayList<>();
        NativeLib.ScanFn fn = (ctx, entry, line) -> found.add(new Match(line, Entry.of(entry)));
        try (com.sun.jna.Memory mem = new com.sun.jna.Memory(NativeLib.SCANNER_SIZE)) {
            n.sspr_scan_init(mem, fn, null);
            n.sspr_scan_feed(mem, data, new NativeLib.SizeT(data.length));
            n.sspr_scan_finish(mem);
        }
        return Collections.unmodifiableList(found);
    }
}
