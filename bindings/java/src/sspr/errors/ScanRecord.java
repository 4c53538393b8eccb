package sspr.errors;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/** One record of an event log or audit export, copied out of the scanner:
 * immutable. */
public final class ScanRecord {
    /** The fields of a record (the C enum sspr_record_field, by ordinal), in
     * the order of `sspr-errors scan --json --records`. */
    public enum Field {
        FORMAT, SOURCE, EVENT_ID, RECORD_ID, LEVEL, TIME, COMPUTER, TRACKING_ID, USER, OPERATION,
        EXCEPTION, HRESULTS, MESSAGE, ENTRIES, ACTIVITY, RESULT, REASON, CORRELATION_ID, INITIATOR,
        DETAILS
    }

    /** An entry the record names, with how sure the match is. */
    public record Named(Entry entry, SsprErrors.Confidence confidence) {
    }

    private final long line;
    private final long lastLine;
    private final long eventId;
    private final long recordId;
    private final String[] texts = new String[Field.values().length];
    private final List<Integer> hresults;
    private final List<Named> entries;

    ScanRecord(NativeLib n, Pointer r) {
        line = n.sspr_record_line(r);
        lastLine = n.sspr_record_last_line(r);
        eventId = n.sspr_record_number(r, Field.EVENT_ID.ordinal());
        recordId = n.sspr_record_number(r, Field.RECORD_ID.ordinal());
        for (Field f : Field.values()) {
            texts[f.ordinal()] = n.sspr_record_text(r, f.ordinal());
        }
        long k = n.sspr_record_hresult_count(r).longValue();
        List<Integer> hr = new ArrayList<>();
        for (long i = 0; i < k; i++) {
            hr.add(n.sspr_record_hresult(r, new NativeLib.SizeT(i)));
        }
        hresults = Collections.unmodifiableList(hr);
        k = n.sspr_record_entry_count(r).longValue();
        List<Named> named = new ArrayList<>();
        for (long i = 0; i < k; i++) {
            NativeLib.SizeT at = new NativeLib.SizeT(i);
            named.add(new Named(Entry.of(n.sspr_record_entry(r, at)),
                    SsprErrors.Confidence.values()[n.sspr_record_confidence(r, at)]));
        }
        entries = Collections.unmodifiableList(named);
    }

    /** The record's first line (1-based); 0 for .evtx. */
    public long line() {
        return line;
    }

    /** The record's last line of its own. */
    public long lastLine() {
        return lastLine;
    }

    /** The event id, if the record has one. */
    public OptionalLong eventId() {
        return eventId < 0 ? OptionalLong.empty() : OptionalLong.of(eventId);
    }

    /** The record id, if the record has one. */
    public OptionalLong recordId() {
        return recordId < 0 ? OptionalLong.empty() : OptionalLong.of(recordId);
    }

    /** A text field's value, or null when the record does not say. */
    public String text(Field field) {
        return texts[field.ordinal()];
    }

    /** The form it was read in ("event-viewer-text", "csv", ...). */
    public String format() {
        return text(Field.FORMAT);
    }

    /** The provider as the record names it. */
    public String source() {
        return text(Field.SOURCE);
    }

    /** The record's message. */
    public String message() {
        return text(Field.MESSAGE);
    }

    /** The HRESULTs the record names. */
    public List<Integer> hresults() {
        return hresults;
    }

    /** The entries the record names, best first. */
    public List<Named> entries() {
        return entries;
    }
}
