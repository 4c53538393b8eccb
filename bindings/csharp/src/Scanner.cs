using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace SsprErrors
{
    /// <summary>The fields of a record (the C enum sspr_record_field), in the
    /// order of `sspr-errors scan --json --records`.</summary>
    public enum RecordField
    {
        Format, Source, EventId, RecordId, Level, Time, Computer, TrackingId, User, Operation,
        Exception, HResults, Message, Entries, Activity, Result, Reason, CorrelationId, Initiator,
        Details
    }

    /// <summary>An entry a record names, with how sure the match is.</summary>
    public sealed class RecordEntry
    {
        internal RecordEntry(Entry entry, Confidence confidence)
        {
            Entry = entry;
            Confidence = confidence;
        }

        /// <summary>The entry.</summary>
        public Entry Entry { get; private set; }
        /// <summary>How sure the match is.</summary>
        public Confidence Confidence { get; private set; }
    }

    /// <summary>One record of an event log or audit export, copied out of
    /// the scanner: immutable.</summary>
    public sealed class Record
    {
        const int Fields = (int)RecordField.Details + 1;
        readonly string[] texts = new string[Fields];

        internal Record(IntPtr r)
        {
            Line = Native.sspr_record_line(r);
            LastLine = Native.sspr_record_last_line(r);
            long id = Native.sspr_record_number(r, (int)RecordField.EventId);
            EventId = id < 0 ? (long?)null : id;
            long rid = Native.sspr_record_number(r, (int)RecordField.RecordId);
            RecordId = rid < 0 ? (long?)null : rid;
            for (int f = 0; f < Fields; f++)
                texts[f] = Utf8.From(Native.sspr_record_text(r, f));
            int n = (int)Native.sspr_record_hresult_count(r);
            var hr = new List<uint>(n);
            for (int i = 0; i < n; i++)
                hr.Add(Native.sspr_record_hresult(r, (UIntPtr)i));
            HResults = hr.AsReadOnly();
            n = (int)Native.sspr_record_entry_count(r);
            var entries = new List<RecordEntry>(n);
            for (int i = 0; i < n; i++)
                entries.Add(new RecordEntry(Entry.Of(Native.sspr_record_entry(r, (UIntPtr)i)),
                                            (Confidence)Native.sspr_record_confidence(r, (UIntPtr)i)));
            Entries = entries.AsReadOnly();
        }

        /// <summary>The record's first line (1-based); 0 for .evtx.</summary>
        public ulong Line { get; private set; }
        /// <summary>The record's last line of its own.</summary>
        public ulong LastLine { get; private set; }
        /// <summary>The event id, or null.</summary>
        public long? EventId { get; private set; }
        /// <summary>The record id, or null.</summary>
        public long? RecordId { get; private set; }
        /// <summary>The HRESULTs the record names.</summary>
        public IReadOnlyList<uint> HResults { get; private set; }
        /// <summary>The entries the record names, best first.</summary>
        public IReadOnlyList<RecordEntry> Entries { get; private set; }

        /// <summary>A text field's value, or null when the record does not say.</summary>
        public string Text(RecordField field)
        {
            int f = (int)field;
            return f >= 0 && f < Fields ? texts[f] : null;
        }

        /// <summary>The form it was read in ("event-viewer-text", "csv", ...).</summary>
        public string Format { get { return texts[(int)RecordField.Format]; } }
        /// <summary>The provider as the record names it.</summary>
        public string Source { get { return texts[(int)RecordField.Source]; } }
        /// <summary>The record's message.</summary>
        public string Message { get { return texts[(int)RecordField.Message]; } }
    }

    /// <summary>A streaming scanner: feed it an export in chunks of any size
    /// (the answer does not depend on the cut); it returns records as they
    /// complete. Holds 8 KiB of unmanaged memory until disposed.</summary>
    public sealed class Scanner : IDisposable
    {
        IntPtr mem;
        readonly Native.RecordFn callback;
        readonly List<Record> pending = new List<Record>();

        /// <summary>A scanner ready for an input.</summary>
        public Scanner()
        {
            Library.Ensure();
            callback = (ctx, record) => pending.Add(new Record(record));
            mem = Marshal.AllocHGlobal(Native.ScannerSize);
            Native.sspr_scan_init_records(mem, callback, IntPtr.Zero);
        }

        IReadOnlyList<Record> Take()
        {
            var done = pending.ToArray();
            pending.Clear();
            return Array.AsReadOnly(done);
        }

        void Open()
        {
            if (mem == IntPtr.Zero)
                throw new ObjectDisposedException("Scanner");
        }

        /// <summary>Scans data[offset .. offset + count); returns the records completed.</summary>
        public IReadOnlyList<Record> Feed(byte[] data, int offset, int count)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            if (offset < 0 || count < 0 || offset > data.Length - count)
                throw new ArgumentOutOfRangeException("count", "offset and count are outside data");
            Open();
            byte[] chunk = data;
            if (offset != 0)
            {
                chunk = new byte[count];
                Array.Copy(data, offset, chunk, 0, count);
            }
            Native.sspr_scan_feed(mem, chunk, (UIntPtr)count);
            return Take();
        }

        /// <summary>Scans the whole of data; returns the records completed.</summary>
        public IReadOnlyList<Record> Feed(byte[] data)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            return Feed(data, 0, data.Length);
        }

        /// <summary>Ends the input: returns the last records; the scanner is
        /// then ready for another input.</summary>
        public IReadOnlyList<Record> Finish()
        {
            Open();
            Native.sspr_scan_finish(mem);
            return Take();
        }

        /// <summary>Frees the scanner's memory.</summary>
        public void Dispose()
        {
            if (mem != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(mem);
                mem = IntPtr.Zero;
            }
            GC.SuppressFinalize(this);
        }

        /// <summary>Frees the memory of a scanner never disposed.</summary>
        ~Scanner()
        {
            if (mem != IntPtr.Zero)
                Marshal.FreeHGlobal(mem);
        }
    }
}
