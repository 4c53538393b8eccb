using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Runtime.InteropServices;

namespace SsprErrors
{
    /// <summary>What an entry is (the C enum sspr_kind).</summary>
    public enum Kind { None = 0, Event = 1, Symptom = 2, Procedure = 3, Checklist = 4, Audit = 5 }

    /// <summary>How serious an entry is (the C enum sspr_severity).</summary>
    public enum Severity { None = 0, Info = 1, Warning = 2, Error = 3 }

    /// <summary>How well a text names an entry (the C enum sspr_confidence).</summary>
    public enum Confidence { None = 0, Low = 1, Medium = 2, High = 3 }

    /// <summary>The lookups of libsspr-errors: Microsoft SSPR and Password
    /// Writeback errors, event-log codes, symptoms and fixes. Every answer
    /// comes from the C library. Results are immutable; entries are handles
    /// into the library's static data and stay valid.</summary>
    public static class Catalog
    {
        /// <summary>The C library's version, e.g. "1.1.0".</summary>
        public static string Version()
        {
            Library.Ensure();
            return Utf8.From(Native.sspr_version());
        }

        /// <summary>The version of the catalogue built into the library.</summary>
        public static string CatalogVersion()
        {
            Library.Ensure();
            return Utf8.From(Native.sspr_catalog_version());
        }


        /// <summary>The number of entries.</summary>
        public static int Count
        {
            get
            {
                Library.Ensure();
                return (int)Native.sspr_count();
            }
        }

        /// <summary>The whole catalogue, in order.</summary>
        public static IReadOnlyList<Entry> Entries()
        {
            int n = Count;
            var list = new List<Entry>(n);
            for (int i = 0; i < n; i++)
                list.Add(Entry.Of(Native.sspr_at((UIntPtr)i)));
            return list.AsReadOnly();
        }

        /// <summary>Everything matching what a person pasted (a code, "Event ID
        /// 32009", an HRESULT in any form, an id, a name, a message), best first.</summary>
        public static IReadOnlyList<Entry> Lookup(string query)
        {
            Utf8.Check(query, "query");
            Library.Ensure();
            return Collect((o, c) => Native.sspr_lookup(query, o, c));
        }

        /// <summary>Lookup with a score and a confidence for each hit.</summary>
        public static IReadOnlyList<Hit> LookupResults(string query)
        {
            Utf8.Check(query, "query");
            Library.Ensure();
            return Results(0, (o, c) => Native.sspr_lookup_results(query, o, c));
        }

        /// <summary>The entry with this id (any case), or null.</summary>
        public static Entry ById(string id)
        {
            Utf8.Check(id, "id");
            Library.Ensure();
            return Entry.Of(Native.sspr_by_id(id));
        }

        /// <summary>The entry with this name or alias (any case), or null.</summary>
        public static Entry ByName(string name)
        {
            Utf8.Check(name, "name");
            Library.Ensure();
            return Entry.Of(Native.sspr_by_name(name));
        }

        /// <summary>Entries with this event code; source null for any source.</summary>
        public static IReadOnlyList<Entry> ByCode(uint code, string source = null)
        {
            if (source != null)
                Utf8.Check(source, "source");
            Library.Ensure();
            return Collect((o, c) => Native.sspr_by_code(source, code, o, c));
        }

        /// <summary>Entries with the code of a generated constant (Event.AuthTokenError,
        /// AdSync.Event6329, ...), of its source.</summary>
        public static IReadOnlyList<Entry> ByCode(Enum code)
        {
            if (code == null)
                throw new ArgumentNullException("code");
            string source;
            if (!Codes.Sources.TryGetValue(code.GetType(), out source))
                throw new ArgumentException(code.GetType().Name + " is not a code enum of an event source", "code");
            return ByCode(Convert.ToUInt32(code), source);
        }

        /// <summary>Entries with this HRESULT.</summary>
        public static IReadOnlyList<Entry> ByHResult(uint hresult)
        {
            Library.Ensure();
            return Collect((o, c) => Native.sspr_by_hresult(hresult, o, c));
        }

        /// <summary>Ranked free-text search (what a ticket says), best first:
        /// at most limit hits, 0 for all.</summary>
        public static IReadOnlyList<Hit> Search(string text, int limit = 5)
        {
            Utf8.Check(text, "text");
            if (limit < 0)
                throw new ArgumentOutOfRangeException("limit", limit, "limit must be 0 (all) or more");
            Library.Ensure();
            return Results(limit, (o, c) => Native.sspr_search_results(text, o, c));
        }

        /// <summary>Reads one HRESULT as a person writes it ("0x80070005",
        /// "80070005", "-2147024891", "hr=800700CE"); FormatException otherwise.</summary>
        public static uint ParseHResult(string text)
        {
            uint value;
            if (!TryParseHResult(text, out value))
                throw new FormatException("'" + text + "' is not an HRESULT");
            return value;
        }

        /// <summary>ParseHResult without the exception for text that is not one.</summary>
        public static bool TryParseHResult(string text, out uint value)
        {
            Utf8.Check(text, "text");
            Library.Ensure();
            return Native.sspr_hresult_parse(text, out value) == 1;
        }

        /// <summary>What the bits of any HRESULT say.</summary>
        public static HResultInfo DecodeHResult(uint hresult)
        {
            Library.Ensure();
            return new HResultInfo(hresult);
        }

        /// <summary>The records of an export held in memory (Event Viewer,
        /// wevtutil, PowerShell, CSV, audit JSON, plain text; UTF-8 or UTF-16).</summary>
        public static IReadOnlyList<Record> Scan(byte[] data)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            using (var s = new Scanner())
            {
                var all = new List<Record>(s.Feed(data, 0, data.Length));
                all.AddRange(s.Finish());
                return all.AsReadOnly();
            }
        }

        /// <summary>The records of an export read from a stream to its end.</summary>
        public static IReadOnlyList<Record> Scan(Stream stream)
        {
            if (stream == null)
                throw new ArgumentNullException("stream");
            using (var s = new Scanner())
            {
                var all = new List<Record>();
                var buffer = new byte[64 * 1024];
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    all.AddRange(s.Feed(buffer, 0, n));
                all.AddRange(s.Finish());
                return all.AsReadOnly();
            }
        }

        /// <summary>Each entry each record names, with the record's first line
        /// (what sspr-errors scan prints), catalogue order within a record.</summary>
        public static IReadOnlyList<Match> ScanMatches(byte[] data)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            Library.Ensure();
            var found = new List<Match>();
            Native.ScanFn fn = (ctx, entry, line) => found.Add(new Match(line, Entry.Of(entry)));
            IntPtr mem = Marshal.AllocHGlobal(Native.ScannerSize);
            try
            {
                Native.sspr_scan_init(mem, fn, IntPtr.Zero);
                Native.sspr_scan_feed(mem, data, (UIntPtr)data.Length);
                Native.sspr_scan_finish(mem);
            }
            finally
            {
                Marshal.FreeHGlobal(mem);
                GC.KeepAlive(fn);
            }
            return found.AsReadOnly();
        }

        internal delegate UIntPtr Query<T>(T[] output, UIntPtr capacity);

        static IReadOnlyList<Entry> Collect(Query<IntPtr> query)
        {
            int n = (int)query(null, UIntPtr.Zero);
            var buf = new IntPtr[n];
            if (n > 0)
                n = Math.Min(n, (int)query(buf, (UIntPtr)n));
            var list = new List<Entry>(n);
            for (int i = 0; i < n; i++)
                list.Add(Entry.Of(buf[i]));
            return list.AsReadOnly();
        }

        static IReadOnlyList<Hit> Results(int limit, Query<Native.Result> query)
        {
            int n = (int)query(null, UIntPtr.Zero);
            if (limit > 0 && n > limit)
                n = limit;
            var buf = new Native.Result[n];
            if (n > 0)
                n = Math.Min(n, (int)query(buf, (UIntPtr)n));
            var list = new List<Hit>(n);
            for (int i = 0; i < n; i++)
                list.Add(new Hit(Entry.Of(buf[i].Entry), buf[i].Score, (Confidence)buf[i].Confidence));
            return list.AsReadOnly();
        }
    }

    /// <summary>One answer of Search or LookupResults.</summary>
    public sealed class Hit
    {
        internal Hit(Entry entry, double score, Confidence confidence)
        {
            Entry = entry;
            Score = score;
            Confidence = confidence;
        }

        /// <summary>The entry.</summary>
        public Entry Entry { get; private set; }
        /// <summary>Greater than 0; higher is better; comparable within one answer.</summary>
        public double Score { get; private set; }
        /// <summary>How well the text names the entry.</summary>
        public Confidence Confidence { get; private set; }
    }

    /// <summary>An entry a record names, with the record's first line.</summary>
    public sealed class Match
    {
        internal Match(ulong line, Entry entry)
        {
            Line = line;
            Entry = entry;
        }

        /// <summary>The record's first line (1-based).</summary>
        public ulong Line { get; private set; }
        /// <summary>The entry.</summary>
        public Entry Entry { get; private set; }
    }

    /// <summary>What the bits of an HRESULT say.</summary>
    public sealed class HResultInfo
    {
        internal HResultInfo(uint value)
        {
            Value = value;
            Failure = Native.sspr_hresult_severity(value) != 0;
            Facility = Native.sspr_hresult_facility(value);
            Code = Native.sspr_hresult_code(value);
            FacilityName = Utf8.From(Native.sspr_facility_name(Facility));
            if (Facility == 7)
            {
                Win32Name = Utf8.From(Native.sspr_win32_error_name(Code));
                Win32Message = Utf8.From(Native.sspr_win32_error_message(Code));
            }
        }

        /// <summary>The HRESULT.</summary>
        public uint Value { get; private set; }
        /// <summary>The severity bit: true for an error.</summary>
        public bool Failure { get; private set; }
        /// <summary>(value >> 16) &amp; 0x1FFF.</summary>
        public uint Facility { get; private set; }
        /// <summary>"FACILITY_WIN32", ..., or null.</summary>
        public string FacilityName { get; private set; }
        /// <summary>The low 16 bits.</summary>
        public uint Code { get; private set; }
        /// <summary>For FACILITY_WIN32 values the library knows: the error's name, else null.</summary>
        public string Win32Name { get; private set; }
        /// <summary>For FACILITY_WIN32 values the library knows: its message, else null.</summary>
        public string Win32Message { get; private set; }
    }
}
