// The C# bindings' tests, with a console runner that needs no test framework:
// every static method named Test* runs; the last line is "N passed, N failed".
//   Tests.exe                run the tests
//   Tests.exe --load         load the library and print its version, or the
//                            LibraryNotFoundException's message (exit 3)
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using SsprErrors;

static class Tests
{
    static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--load")
        {
            try
            {
                Console.WriteLine(Catalog.Version());
                return 0;
            }
            catch (LibraryNotFoundException e)
            {
                Console.WriteLine(e.Message);
                return 3;
            }
        }
        int passed = 0, failed = 0;
        foreach (MethodInfo m in typeof(Tests).GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
                     .Where(m => m.Name.StartsWith("Test", StringComparison.Ordinal)).OrderBy(m => m.Name))
        {
            try
            {
                m.Invoke(null, null);
                passed++;
                Console.WriteLine("ok   " + m.Name);
            }
            catch (TargetInvocationException e)
            {
                failed++;
                Console.WriteLine("FAIL " + m.Name + ": " + e.InnerException);
            }
        }
        Console.WriteLine("{0} passed, {1} failed", passed, failed);
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    static void Check(bool ok, string what)
    {
        if (!ok)
            throw new Exception("check failed: " + what);
    }

    static void Throws<T>(Action action, string what) where T : Exception
    {
        try
        {
            action();
        }
        catch (T)
        {
            return;
        }
        throw new Exception(what + ": no " + typeof(T).Name);
    }

    static string Ids(IEnumerable<Entry> entries)
    {
        return string.Join(" ", entries.Select(e => e.Id).ToArray());
    }

    static string VectorsPath()
    {
        return Environment.GetEnvironmentVariable("SSPR_ERRORS_VECTORS") ??
               Path.Combine("..", "..", "tests", "vectors", "lookup.tsv");
    }

    static string Replay(string dir, string function, string query)
    {
        switch (function)
        {
        case "lookup":
            return Ids(Catalog.Lookup(query));
        case "by_id":
        case "by_name":
            Entry e = function == "by_id" ? Catalog.ById(query) : Catalog.ByName(query);
            return e == null ? "" : e.Id;
        case "by_code":
            int colon = query.LastIndexOf(':');
            string source = query.Substring(0, colon);
            return Ids(Catalog.ByCode(uint.Parse(query.Substring(colon + 1)), source.Length == 0 ? null : source));
        case "by_hresult":
            return Ids(Catalog.ByHResult(Convert.ToUInt32(query, 16)));
        case "search":
            return Ids(Catalog.Search(query, 5).Select(h => h.Entry));
        case "scan":
            byte[] data = File.ReadAllBytes(Path.Combine(dir, query));
            string got = string.Join(" ", Catalog.ScanMatches(data).Select(m => m.Line + ":" + m.Entry.Id).ToArray());
            // Records do not depend on how the input is cut.
            var whole = Catalog.Scan(data);
            var bytes = new List<Record>();
            using (var s = new Scanner())
            {
                for (int i = 0; i < data.Length; i++)
                    bytes.AddRange(s.Feed(data, i, 1));
                bytes.AddRange(s.Finish());
            }
            Check(whole.Count == bytes.Count && whole.Zip(bytes, (a, b) => a.Line == b.Line && a.Message == b.Message &&
                Ids(a.Entries.Select(x => x.Entry)) == Ids(b.Entries.Select(x => x.Entry))).All(x => x), query + " chunked");
            return got;
        }
        throw new Exception("unknown function " + function);
    }

    static void TestVectors()
    {
        string path = VectorsPath();
        int rows = 0, lineno = 0;
        var failures = new List<string>();
        foreach (string line in File.ReadAllText(path, Encoding.UTF8).Split('\n'))
        {
            lineno++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            string[] f = line.Split('\t');
            rows++;
            string got = Replay(Path.GetDirectoryName(path), f[0], f[1]);
            if (got != f[2])
                failures.Add(string.Format("{0}:{1}: {2}({3}) gave [{4}], want [{5}]", path, lineno, f[0], f[1], got, f[2]));
        }
        Check(rows > 100, "vectors read");
        Check(failures.Count == 0, string.Join("\n", failures.ToArray()));
        Console.WriteLine("     {0} vectors replayed", rows);
    }

    static void TestVersions()
    {
        string want = Environment.GetEnvironmentVariable("SSPR_ERRORS_PROJECT_VERSION");
        Check(want == null || Catalog.Version() == want, "Version " + Catalog.Version());
        Check(Catalog.CatalogVersion() == Codes.CatalogVersion, "constants from the library's catalogue");
    }

    static void TestLookup()
    {
        var hits = Catalog.Lookup("32009");
        Check(hits[0].Id == "prs-32009", "lookup 32009");
        string want = Ids(Catalog.Lookup("0x800700CE"));
        foreach (string form in new[] { "hr=800700CE", "800700ce", "-2147024690", "HR 800700CE" })
            Check(Ids(Catalog.Lookup(form)) == want, form);
        Check(Catalog.Lookup("no such error anywhere").Count == 0, "a miss is empty");
        var results = Catalog.LookupResults("32009");
        Check(results.Count == hits.Count && results[0].Entry.Equals(hits[0]) && results[0].Confidence == Confidence.High, "LookupResults");
        Check(!(hits is List<Entry>) && hits is IReadOnlyList<Entry>, "read-only list");
    }

    static void TestBadArguments()
    {
        Throws<ArgumentNullException>(() => Catalog.Lookup(null), "Lookup(null)");
        Throws<ArgumentException>(() => Catalog.Lookup("320\u000009"), "Lookup with NUL");
        Throws<ArgumentException>(() => Catalog.ById("prs\u0000"), "ById with NUL");
        Throws<ArgumentOutOfRangeException>(() => Catalog.Search("x", -1), "Search limit -1");
        Throws<FormatException>(() => Catalog.ParseHResult("not one"), "ParseHResult");
        Throws<ArgumentNullException>(() => Catalog.Scan((Stream)null), "Scan(null)");
        Throws<ArgumentException>(() => Catalog.ByCode(DayOfWeek.Monday), "ByCode of another enum");
        Throws<ArgumentOutOfRangeException>(() => new Scanner().Feed(new byte[2], 1, 2), "Feed past the end");
        var s = new Scanner();
        s.Dispose();
        Throws<ObjectDisposedException>(() => s.Finish(), "Finish after Dispose");
        Check(Catalog.ById("no-such-id") == null && Catalog.ByName("nothing at all") == null, "misses are null");
    }

    static void TestEntryFields()
    {
        Entry e = Catalog.ById("PRS-32009");
        Check(e.Id == "prs-32009" && e.Kind == Kind.Event && e.Severity == Severity.Error, "kind and severity");
        Check(e.Source == "PasswordResetService" && e.Code == 32009 && e.Name == "AuthTokenError", "source, code, name");
        Check(e.Area == "writeback" && e.Title.Length > 0 && e.Summary.Length > 0 && e.Steps.Count > 0, "texts");
        Check(e.Messages.SequenceEqual(new[] { "Error getting auth token" }), "messages");
        Check(e.ToString().StartsWith("prs-32009: ", StringComparison.Ordinal), "ToString");
        Check(e.Equals(Catalog.ByName("authtokenerror")) && e.GetHashCode() == Catalog.ByName("AuthTokenError").GetHashCode(), "one entry, equal handles");
        Entry p = Catalog.ById("proc-restart-sync-service");
        Check(p.Kind == Kind.Procedure && p.Order == 1 && p.Code == null, "procedure");
        var all = Catalog.Entries();
        Check(all.Count == Catalog.Count && Ids(all) == string.Join(" ", Codes.EntryIds.ToArray()), "catalogue order");
    }

    static void TestListsAndFacts()
    {
        Entry e = Catalog.ById("adsync-hr-800700ce");
        Check(e.HResults.SequenceEqual(new[] { (uint)HResult.Hr800700CE }), "HResults");
        Fact f = e.Fact("max_connector_password_length");
        Check(f != null && f.IsNumber && f.Min == 127 && f.Max == 127 && f.Unit == "characters" && f.Text.Length > 0, "fact");
        Check(e.Fact("no_such_fact") == null, "missing fact");
        int facts = 0, related = 0, mentions = 0, refs = 0, procs = 0, aliases = 0;
        foreach (Entry x in Catalog.Entries())
        {
            facts += x.Facts.Count;
            related += x.Related.Count;
            mentions += x.Mentions.Count;
            refs += x.References.Count;
            procs += x.Procedures.Count;
            aliases += x.Aliases.Count;
            Check(x.References.All(r => r.Url.StartsWith("https://", StringComparison.Ordinal)), x.Id + " references");
            Check(x.Mentions.All(m => m.Code != null || m.HResult != null), x.Id + " mentions");
        }
        Check(facts > 0 && related > 0 && mentions > 0 && refs > 0 && procs > 0 && aliases > 0, "every list is read");
    }

    static void TestCodes()
    {
        Check(Ids(Catalog.ByCode(Event.AuthTokenError)).StartsWith("prs-32009", StringComparison.Ordinal), "ByCode(Event)");
        Check(Event.AdMutliMatchError == Event.AdMultiMatchError, "alias");
        Check(Codes.Sources[typeof(AdSync)] == "ADSync", "sources");
        Check(Catalog.ByCode(6329).Count > 0 && Catalog.ByHResult((uint)HResult.Hr80230619)[0].Id == "adsync-6329-80230619", "any source, HRESULT");
        foreach (Entry x in Catalog.Entries())
            if (x.Source == "PasswordResetService" && x.Code != null)
                Check(Enum.IsDefined(typeof(Event), x.Code.Value), x.Id + " has a constant");
    }

    static void TestSearchAndDecode()
    {
        var hits = Catalog.Search("the text message with the code never arrives", 0);
        Check(hits.Count > 5 && hits.Any(h => h.Entry.Id == "reset-no-sms-or-call"), "search");
        for (int i = 1; i < hits.Count; i++)
            Check(hits[i].Score <= hits[i - 1].Score && hits[i].Confidence != Confidence.None, "order");
        Check(Catalog.Search("the text message with the code never arrives").Count == 5, "default limit");
        uint hr = Catalog.ParseHResult("hr=800700CE");
        Check(hr == 0x800700CE, "parse");
        uint dummy;
        Check(!Catalog.TryParseHResult("hello", out dummy), "TryParse");
        HResultInfo d = Catalog.DecodeHResult(hr);
        Check(d.Failure && d.Facility == 7 && d.FacilityName == "FACILITY_WIN32" && d.Code == 206 &&
              d.Win32Name == "ERROR_FILENAME_EXCED_RANGE" && d.Win32Message.Length > 0, "decode");
        Check(Catalog.DecodeHResult(0x80230619).Facility == 35 && Catalog.DecodeHResult(0x80230619).Win32Name == null, "decode 35");
    }

    static void TestScan()
    {
        byte[] log = Encoding.UTF8.GetBytes("14:02 PasswordResetService: Error getting auth token\nall quiet\nhr=800700CE\n");
        var records = Catalog.Scan(new MemoryStream(log));
        Check(records.Count == 2, "two records");
        Record r = records[0];
        Check(r.Line == 1 && r.LastLine == 1 && r.Format != null && r.Entries[0].Entry.Id == "prs-32009" &&
              r.Entries[0].Confidence != Confidence.None, "record 1");
        Check(records[1].Line == 3 && records[1].HResults.SequenceEqual(new[] { 0x800700CEu }) &&
              records[1].Text(RecordField.HResults) == null && records[1].Text((RecordField)99) == null, "record 2");
        Check(Catalog.Scan(log).Count == 2 && Catalog.Scan(new byte[0]).Count == 0, "bytes");
        string viewer = Path.Combine(Path.GetDirectoryName(VectorsPath()), "scan", "viewer.txt");
        Record v = Catalog.Scan(File.ReadAllBytes(viewer))[0];
        Check(v.Source == "PasswordResetService" && v.EventId == 32009 && v.Format == "event-viewer-text" &&
              v.Text(RecordField.Level) == "error", "viewer record");
    }
}
