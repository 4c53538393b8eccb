using System;
using System.Collections.Generic;

namespace SsprErrors
{
    /// <summary>One catalogue entry: an event, a symptom, a procedure, a
    /// checklist or an audit-log activity. A handle into the library's static
    /// data: immutable, valid for the life of the process, equal to every other
    /// handle of the same entry. Lists are new read-only lists on each read.</summary>
    public sealed class Entry : IEquatable<Entry>
    {
        readonly IntPtr p;

        Entry(IntPtr p)
        {
            this.p = p;
        }

        internal static Entry Of(IntPtr p)
        {
            return p == IntPtr.Zero ? null : new Entry(p);
        }

        /// <summary>Stable id, e.g. "prs-32009".</summary>
        public string Id { get { return Utf8.From(Native.sspr_entry_id(p)); } }
        /// <summary>What the entry is.</summary>
        public Kind Kind { get { return (Kind)Native.sspr_entry_kind(p); } }
        /// <summary>Event source ("PasswordResetService", ...), or null.</summary>
        public string Source { get { return Utf8.From(Native.sspr_entry_source(p)); } }
        /// <summary>The event code, or null when the entry has none.</summary>
        public uint? Code
        {
            get
            {
                long c = Native.sspr_entry_code(p);
                return c < 0 ? (uint?)null : (uint)c;
            }
        }
        /// <summary>The documented name, byte-exact, or null.</summary>
        public string Name { get { return Utf8.From(Native.sspr_entry_name(p)); } }
        /// <summary>One-line title.</summary>
        public string Title { get { return Utf8.From(Native.sspr_entry_title(p)); } }
        /// <summary>What it means.</summary>
        public string Summary { get { return Utf8.From(Native.sspr_entry_summary(p)); } }
        /// <summary>How serious it is.</summary>
        public Severity Severity { get { return (Severity)Native.sspr_entry_severity(p); } }
        /// <summary>Product area ("writeback", ...).</summary>
        public string Area { get { return Utf8.From(Native.sspr_entry_area(p)); } }
        /// <summary>Heading of the documentation section.</summary>
        public string Section { get { return Utf8.From(Native.sspr_entry_section(p)); } }
        /// <summary>"2017", "current" or "field".</summary>
        public string Origin { get { return Utf8.From(Native.sspr_entry_origin(p)); } }
        /// <summary>A procedure's position in the recovery sequence (1 = first); 0 otherwise.</summary>
        public int Order { get { return Native.sspr_entry_order(p); } }

        delegate UIntPtr CountFn(IntPtr e);
        delegate T ItemFn<T>(IntPtr e, UIntPtr i);

        IReadOnlyList<T> List<T, TC>(CountFn count, ItemFn<TC> item, Func<TC, T> convert)
        {
            int n = (int)count(p);
            var list = new List<T>(n);
            for (int i = 0; i < n; i++)
                list.Add(convert(item(p, (UIntPtr)i)));
            return list.AsReadOnly();
        }

        /// <summary>Other names people use.</summary>
        public IReadOnlyList<string> Aliases
        {
            get { return List<string, IntPtr>(Native.sspr_entry_alias_count, Native.sspr_entry_alias, Utf8.From); }
        }
        /// <summary>Literal messages a user sees or a log prints.</summary>
        public IReadOnlyList<string> Messages
        {
            get { return List<string, IntPtr>(Native.sspr_entry_message_count, Native.sspr_entry_message, Utf8.From); }
        }
        /// <summary>Possible causes.</summary>
        public IReadOnlyList<string> Causes
        {
            get { return List<string, IntPtr>(Native.sspr_entry_cause_count, Native.sspr_entry_cause, Utf8.From); }
        }
        /// <summary>Resolution steps, in order.</summary>
        public IReadOnlyList<string> Steps
        {
            get { return List<string, IntPtr>(Native.sspr_entry_step_count, Native.sspr_entry_step, Utf8.From); }
        }
        /// <summary>The HRESULTs this entry is.</summary>
        public IReadOnlyList<uint> HResults
        {
            get { return List<uint, uint>(Native.sspr_entry_hresult_count, Native.sspr_entry_hresult, x => x); }
        }
        /// <summary>Procedures the resolution uses.</summary>
        public IReadOnlyList<Entry> Procedures
        {
            get { return List<Entry, IntPtr>(Native.sspr_entry_procedure_count, Native.sspr_entry_procedure, Of); }
        }
        /// <summary>Closely related entries.</summary>
        public IReadOnlyList<Entry> Related
        {
            get { return List<Entry, IntPtr>(Native.sspr_entry_related_count, Native.sspr_entry_related, Of); }
        }
        /// <summary>Facts the documentation states (limits, ports, delays).</summary>
        public IReadOnlyList<Fact> Facts
        {
            get { return List<Fact, IntPtr>(Native.sspr_entry_fact_count, Native.sspr_entry_fact, SsprErrors.Fact.Of); }
        }
        /// <summary>The pages and posts its content comes from.</summary>
        public IReadOnlyList<Reference> References
        {
            get { return List<Reference, IntPtr>(Native.sspr_entry_ref_count, Native.sspr_entry_ref, Reference.Of); }
        }

        /// <summary>Codes and HRESULTs the entry quotes without being that event.</summary>
        public IReadOnlyList<Mention> Mentions
        {
            get
            {
                int n = (int)Native.sspr_entry_mention_count(p);
                var list = new List<Mention>(n);
                for (int i = 0; i < n; i++)
                {
                    IntPtr source;
                    long code;
                    uint hr;
                    if (Native.sspr_entry_mention(p, (UIntPtr)i, out source, out code, out hr) == 1)
                        list.Add(new Mention(Utf8.From(source), code < 0 ? (uint?)null : (uint)code, hr == 0 ? (uint?)null : hr));
                }
                return list.AsReadOnly();
            }
        }

        /// <summary>The fact with this key, or null.</summary>
        public Fact Fact(string key)
        {
            Utf8.Check(key, "key");
            return SsprErrors.Fact.Of(Native.sspr_entry_fact_by_key(p, key));
        }

        /// <summary>"id: title".</summary>
        public override string ToString()
        {
            return Id + ": " + Title;
        }

        /// <summary>Same entry.</summary>
        public bool Equals(Entry other)
        {
            return other != null && other.p == p;
        }

        /// <summary>Same entry.</summary>
        public override bool Equals(object obj)
        {
            return Equals(obj as Entry);
        }

        /// <summary>Hash of the handle.</summary>
        public override int GetHashCode()
        {
            return p.GetHashCode();
        }
    }

    /// <summary>A number or literal value the documentation states.</summary>
    public sealed class Fact
    {
        readonly IntPtr p;

        Fact(IntPtr p)
        {
            this.p = p;
        }

        internal static Fact Of(IntPtr p)
        {
            return p == IntPtr.Zero ? null : new Fact(p);
        }

        /// <summary>Machine-readable key.</summary>
        public string Key { get { return Utf8.From(Native.sspr_fact_key(p)); } }
        /// <summary>What it means.</summary>
        public string Text { get { return Utf8.From(Native.sspr_fact_text(p)); } }
        /// <summary>Unit, or null.</summary>
        public string Unit { get { return Utf8.From(Native.sspr_fact_unit(p)); } }
        /// <summary>A number or a range (else a string).</summary>
        public bool IsNumber { get { return Native.sspr_fact_is_number(p) != 0; } }
        /// <summary>Lower end of a numeric fact.</summary>
        public double Min { get { return Native.sspr_fact_min(p); } }
        /// <summary>Upper end of a numeric fact.</summary>
        public double Max { get { return Native.sspr_fact_max(p); } }
        /// <summary>A string fact's value; null for numbers.</summary>
        public string StringValue { get { return Utf8.From(Native.sspr_fact_string(p)); } }
        /// <summary>"2017", "current" or "field".</summary>
        public string Origin { get { return Utf8.From(Native.sspr_fact_origin(p)); } }
        /// <summary>The older fact this one replaces, or null.</summary>
        public Fact Supersedes { get { return Of(Native.sspr_fact_supersedes(p)); } }
        /// <summary>The page stating it when not one of the entry's references, or null.</summary>
        public string Url { get { return Utf8.From(Native.sspr_fact_url(p)); } }
        /// <summary>The day Url was read, or null.</summary>
        public string Date { get { return Utf8.From(Native.sspr_fact_date(p)); } }
    }

    /// <summary>A page or post an entry's content comes from.</summary>
    public sealed class Reference
    {
        Reference(IntPtr r)
        {
            Url = Utf8.From(Native.sspr_ref_url(r));
            Date = Utf8.From(Native.sspr_ref_date(r));
            Title = Utf8.From(Native.sspr_ref_title(r));
        }

        internal static Reference Of(IntPtr r)
        {
            return new Reference(r);
        }

        /// <summary>Its address.</summary>
        public string Url { get; private set; }
        /// <summary>The day it was read, or null.</summary>
        public string Date { get; private set; }
        /// <summary>Its title, or null.</summary>
        public string Title { get; private set; }
    }

    /// <summary>A code or HRESULT an entry quotes.</summary>
    public sealed class Mention
    {
        internal Mention(string source, uint? code, uint? hresult)
        {
            Source = source;
            Code = code;
            HResult = hresult;
        }

        /// <summary>The event source, or null.</summary>
        public string Source { get; private set; }
        /// <summary>The code, or null.</summary>
        public uint? Code { get; private set; }
        /// <summary>The HRESULT, or null.</summary>
        public uint? HResult { get; private set; }
    }
}
