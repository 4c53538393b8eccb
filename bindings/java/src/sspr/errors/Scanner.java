package sspr.errors;

import com.sun.jna.Memory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A streaming scanner: feed it an export in chunks of any size (the answer
 * does not depend on the cut); it returns records as they complete. Holds
 * 8 KiB of native memory until closed. One thread at a time. */
public final class Scanner implements AutoCloseable {
    private final NativeLib n = Loader.lib();
    private final List<ScanRecord> pending = new ArrayList<>();
    private final NativeLib.RecordFn callback = (ctx, record) -> pending.add(new ScanRecord(n, record));
    private Memory mem = new Memory(NativeLib.SCANNER_SIZE);

    /** A scanner ready for an input. */
    public Scanner() {
        n.sspr_scan_init_records(mem, callback, null);
    }

    private List<ScanRecord> take() {
        List<ScanRecord> out = Collections.unmodifiableList(new ArrayList<>(pending));
        pending.clear();
        return out;
    }

    private void open() {
        if (mem == null) {
            throw new IllegalStateException("the scanner is closed");
        }
    }

    /** Scans data[offset .. offset + length); returns the records completed. */
    public List<ScanRecord> feed(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(data, "data").length);
        open();
        byte[] chunk = offset == 0 ? data : Arrays.copyOfRange(data, offset, offset + length);
        n.sspr_scan_feed(mem, chunk, new NativeLib.SizeT(length));
        return take();
    }

    /** Scans the whole of data; returns the records completed. */
    public List<ScanRecord> feed(byte[] data) {
        return feed(data, 0, Objects.requireNonNull(data, "data").length);
    }

    /** Ends the input: returns the last records; the scanner is then ready
     * for another input. */
    public List<ScanRecord> finish() {
        open();
        n.sspr_scan_finish(mem);
        return take();
    }

    /** Frees the scanner's memory. */
    @Override
    public void close() {
        if (mem != null) {
            mem.close();
            mem = null;
        }
    }
}
