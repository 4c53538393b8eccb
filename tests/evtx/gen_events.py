#!/usr/bin/python3
"""Events for the .evtx tests: every PasswordResetService and ADSync event of
the catalogue as a classic Application event with a realistic message, and
unrelated Application events (ESENT, MsiInstaller, Winlogon, ...) that must
not match anything.

The messages are built from the catalogue's `messages` and names and from
the real records in tests/real/records/ (see README.md).  Deterministic:
everything that varies (GUIDs, times with 100 ns digits) comes from --seed.

  gen_events.py --text FILE            the same events as Event Viewer
                                       "Copy details as text" records
  gen_events.py --update-expected CLI  rewrite expected/sspr.tsv: the
                                       catalogue's entry for each record, and
                                       what `CLI scan --json --records` finds
                                       in the text form (must be the same)
  gen_events.py --check-expected CLI   the same, compare instead of writing
  gen_events.py --check-cli CLI        write sspr.evtx to a temporary
                                       directory, run `CLI scan --json
                                       --records` on it and compare with
                                       expected/sspr.tsv (the .evtx path
                                       must find what the text path finds)
"""

import argparse
import base64
import datetime
import json
import os
import random
import subprocess
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATALOG = os.path.join(ROOT, "catalog")
EXPECTED = os.path.join(HERE, "expected", "sspr.tsv")
BASE_TIME = datetime.datetime(2024, 3, 5, 7, 34, 38, tzinfo=datetime.timezone.utc)
FIRST_RECORD_ID = 4101
COMPUTER = "AADC01.contoso.com"
LEVELS = {"error": 2, "warning": 3, "info": 4}

CATALOG_FILES = ("events-passwordresetservice.json", "current-events.json",
                 "events-adsync.json", "field.json")

EXC = ("Microsoft.CredentialManagement.OnPremisesPasswordReset.Shared."
       "PasswordResetException")
STACK = ("\r\n   at AADPasswordReset.SynchronizationEngineManagedHandle.ThrowSyncEngineError(Int32 hr)"
         "\r\n   at AADPasswordReset.SynchronizationEngineManagedHandle.ChangePassword(String cloudAnchor, "
         "String sourceAnchor, String oldPassword, String newPassword)"
         "\r\n   at Microsoft.CredentialManagement.OnPremisesPasswordReset.PasswordResetCredentialManager."
         "ChangePassword(String encryptedChangePasswordRequestString, String publicKeyEncryptedSymmetricKey, "
         "String publicKeyEncryptedSymmetricIV)")

# Reasons for PasswordResetService errors whose catalogue entry quotes no
# message: the texts of the real records (tests/real/records/021-025) and of
# the Synchronization Engine errors quoted in field.json.
PRS_REASONS = {
    33001: "Synchronization Engine returned an error hr=80230818, message=The management agent run "
           "was terminated because a domain controller could not be contacted.",
    33002: "The operation failed because the object could not be found.",
    33004: "Synchronization Engine returned an error hr=80230626, message=The password could not be "
           "updated because the management agent credentials were denied access.",
    33008: "A restriction prevents the password from being changed to the current one specified.",
}

# ADSync 6329 texts by HRESULT, after tests/real/records/002, 003 and 012.
ADSYNC_6329 = {
    "0x80230619": ("BAIL: MMS(4924): ..\\server.cpp(11139): 0x80230619 (A restriction prevents the "
                   "password from being changed to the current one specified.)"),
    "0x8023061F": ("BAIL: MMS(5460): ..\\server.cpp(11139): 0x8023061f (The operation failed because "
                   "password synchronization is not enabled on this Management Agent.)"),
    "0x80230626": ("BAIL: MMS(5716): ..\\server.cpp(11139): 0x80230626 (The password could not be "
                   "updated because the management agent credentials were denied access.)"),
    "0x80230405": ("ERR_: MMS(7720): ..\\ObjectSearcher.cpp(461): AD Object is not present. \r\n"
                   "BAIL: MMS(7720): ..\\ObjectSearcher.cpp(491): 0x80230405 (The operation failed "
                   "because the object cannot be found):\r\nNo password writeback targets found.\r\n"
                   "Make sure that the source object exists and is connected to the target objects "
                   "via MV and the target object is in scope of password sync rule.\r\n"
                   "AAD anchor = User_%(guid)s"),
    "0x80004005": ("ERR_: MMS(4984): admaexport.cpp(2939): Failed to acquire user information: 0x6ba\r\n"
                   "BAIL: MMS(4984): admaexport.cpp(2963): 0x80004005 (Unspecified error)\r\n"
                   "BAIL: MMS(4984): admaexport.cpp(3296): 0x80004005 (Unspecified error)\r\n"
                   "ERR_: MMS(4984): ..\\ma.cpp(8000): ExportPasswordSet failed with 0x80004005"),
}
ADSYNC_6329_NOHR = ("ERR_: MMS(3040): admaexport.cpp(2837): The server doesn't contain the LDAP "
                    "password policy control.")
ADSYNC_OTHER = {
    6800: ("The password management extension encountered an error. Details: "
           "Synchronization Engine returned an error hr=80230402, message=An attempt to get an object "
           "failed because there are duplicated entries with the same anchor"),
    6306: ("The server encountered an unexpected error while performing an operation for the client."),
    405: "Call sync ldap_bind for DomainName=CONTOSO, UserName=MSOL_0123456789ab.",
    403: "ImpersonationHelper call LogonUser for DomainName=CONTOSO, UserName=MSOL_0123456789ab.",
}


def load_catalog():
    entries = []
    for f in CATALOG_FILES:
        with open(os.path.join(CATALOG, f), encoding="utf-8") as fh:
            entries += json.load(fh)["entries"]
    return entries


def catalog_events():
    """(entry, hresult) for every event entry with a source and a code."""
    out = []
    for e in load_catalog():
        if e.get("kind") != "event" or e.get("code") is None:
            continue
        if e.get("source") not in ("PasswordResetService", "ADSync"):
            continue
        out.append(e)
    out.sort(key=lambda e: (e["source"] != "PasswordResetService", e["code"], e["id"]))
    return out


def expected_entry(source, code, hresult):
    """The entry a record should be recognised as, from the catalogue alone:
    source + code, and for ADSync 6329 the HRESULT (no HRESULT: the 6329
    entry without one)."""
    cands = [e for e in load_catalog()
             if e.get("kind") == "event" and e.get("source") == source and e.get("code") == code]
    if len(cands) > 1:
        hr = (hresult or "").upper()
        pick = [e for e in cands if [h.upper() for h in e.get("hresults") or []] == ([hr] if hr else [])]
        cands = pick
    return cands[0]["id"] if len(cands) == 1 else "none"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def guid(self):
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def anchor(self):
        return base64.b64encode(self.r.getrandbits(128).to_bytes(16, "little")).decode()

    def context(self, upn):
        return ("Context: cloudAnchor: User_%s, SourceAnchorValue: %s, UserPrincipalName: %s"
                % (self.guid(), self.anchor(), upn))


def prs_message(g, e, upn):
    code, name, sev = e["code"], e.get("name") or "", e.get("severity")
    msgs = [m for m in e.get("messages") or [] if m]
    if code == 31001:
        return "PasswordResetRequestStart, Details: %s" % upn
    if code == 31002:
        return "TrackingId: %s, PasswordResetSuccess, Details: %s, unblockUser: True" % (
            g.guid(), g.context(upn))
    reason = PRS_REASONS.get(code) or (msgs[0] if msgs else None)
    if sev in ("error", "warning") and reason:
        r = "TrackingId: %s, Reason: %s, %s, Details: %s: %s" % (
            g.guid(), reason, g.context(upn), EXC, reason)
        if "Synchronization Engine" in reason:
            r += STACK
        return r
    return "TrackingId: %s, %s, Details: %s" % (g.guid(), name, g.context(upn))


def _hr_key(h):
    for k in ADSYNC_6329:
        if k.upper() == h.upper():
            return k
    raise KeyError(h)


def sspr_events(seed=1):
    """Our events, in catalogue order; record ids and times are set by all_events."""
    g = Gen(seed)
    upns = ["anna@contoso.com", "j.smith@contoso.co.uk", "svc-helpdesk@contoso.com"]
    out = []
    for i, e in enumerate(catalog_events()):
        upn = upns[i % len(upns)]
        hr = None
        if e["source"] == "PasswordResetService":
            msg = prs_message(g, e, upn)
            task = 0
        else:
            if e["code"] == 6329:
                hrs = e.get("hresults") or []
                hr = hrs[0] if hrs else None
                body = ADSYNC_6329[_hr_key(hr)] if hr else ADSYNC_6329_NOHR
                if "%(guid)s" in body:
                    body = body % {"guid": g.guid()}
                msg = ("An unexpected error has occurred during a password set operation. \r\n"
                       "\"%s\r\nAzure AD Sync 2.1.20.0\"" % body)
            else:
                msg = ADSYNC_OTHER[e["code"]]
            task = 3
        out.append({
            "provider": e["source"], "event_id": e["code"], "qualifiers": 0,
            "level": LEVELS.get(e.get("severity"), 4), "task": task,
            "channel": "Application", "computer": COMPUTER, "user_sid": None,
            "data": [msg], "style": "flat" if i % 3 == 2 else "classic",
            "_expect": expected_entry(e["source"], e["code"], hr), "_hresult": hr,
        })
    return out


def unrelated_events(seed=1):
    g = Gen(seed + 1000)
    user = "S-1-5-21-3623811015-3361044348-30300820-1013"
    ev = []

    def add(provider, eid, q, level, data, style="classic", sid=None, task=0, binary=None):
        d = {"provider": provider, "event_id": eid, "qualifiers": q, "level": level,
             "task": task, "channel": "Application", "computer": COMPUTER,
             "user_sid": sid, "data": data, "style": style, "_expect": "none", "_hresult": None}
        if binary:
            d["binary"] = binary
        ev.append(d)

    add("ESENT", 916, 0, 4, ["svchost", "5044,G,98", "",
                               "The beta feature EseDiskFlushConsistency is enabled in ESENT due to "
                               "the beta site mode settings 0x800000."], task=1)
    add("MsiInstaller", 1033, 0, 4, ["Microsoft Azure AD Connect synchronization services",
                                      "2.1.20.0", "1033", "0", "Microsoft Corporation", "(NULL)", ""],
        style="flat", sid=user)
    add("MsiInstaller", 11707, 0, 4, ["Product: Microsoft Azure AD Connect synchronization services "
                                       "-- Installation completed successfully."], sid=user,
        binary=b"{%s}" % g.guid().upper().encode())
    add("Microsoft-Windows-Winlogon", 6000, 32768, 4, ["WSearch"], binary=bytes.fromhex("d9060000"))
    add("Microsoft-Windows-Winlogon", 6003, 32768, 4, ["TrustedInstaller"], style="flat")
    add("SecurityCenter", 15, 0, 4, ["Windows Defender", "SECURITY_PRODUCT_STATE_ON"])
    add("Microsoft-Windows-Security-SPP", 16384, 16384, 4,
        ["2124-03-05T07:40:12Z", "RulesEngine"], style="flat")
    add("VSS", 8224, 0, 4, ["The VSS service is shutting down due to idle timeout. "])
    add("Application Error", 1000, 0, 2, ["notepad.exe", "10.0.20348.1", "b5a3f3b2", "ntdll.dll",
                                           "10.0.20348.2031", "0e6e6b6e", "c0000374", "0000000000104209",
                                           "1c2c", "01da6ed4c0c4a1b2", "C:\\Windows\\System32\\notepad.exe",
                                           "C:\\Windows\\SYSTEM32\\ntdll.dll", g.guid(), "", ""],
        style="flat")
    add("ESENT", 326, 0, 4, ["svchost", "5044,D,50", "SRUJet: ",
                               "C:\\Windows\\system32\\SRU\\SRUDB.dat", "8", "10.0.20348.2031",
                               "[0] 0.000, [1] 0.000, [2] 0.000, [3] 0.000 <&> \"quotes\" 'apos'"],
        task=1)
    add("Wlclntfy", 6005, 32768, 4, [""], style="flat")
    add("Microsoft-Windows-User Profiles Service", 1531, 0, 4, [])
    return ev


def all_events(seed=1):
    """Ours and the unrelated ones interleaved, with record ids and times."""
    ours, other = sspr_events(seed), unrelated_events(seed)
    r = random.Random(seed + 7)
    merged = []
    oi = 0
    for i, e in enumerate(ours):
        merged.append(e)
        if i % 4 == 3 and oi < len(other):
            merged.append(other[oi])
            oi += 1
    merged += other[oi:]
    ft = (BASE_TIME - datetime.datetime(1601, 1, 1, tzinfo=datetime.timezone.utc))
    t = (ft.days * 86400 + ft.seconds) * 10_000_000
    for i, e in enumerate(merged):
        t += r.randrange(10_000_000, 900_000_000)  # 1 s .. 90 s, 100 ns digits
        e["record_id"] = FIRST_RECORD_ID + i
        e["time"] = t
    return merged


# ------------------------------------------------------ text form and CLI

def filetime_to_dt(ft):
    return datetime.datetime(1601, 1, 1) + datetime.timedelta(microseconds=ft // 10)


def copy_details(ev):
    """Event Viewer "Copy details as text" of ev (times shown in UTC)."""
    t = filetime_to_dt(ev["time"])
    hour = t.hour % 12 or 12
    date = "%d/%d/%d %d:%02d:%02d %s" % (t.month, t.day, t.year, hour, t.minute, t.second,
                                          "AM" if t.hour < 12 else "PM")
    level = {2: "Error", 3: "Warning", 4: "Information"}[ev["level"]]
    desc = "\n".join(ev["data"]).replace("\r\n", "\n")
    return ("Log Name:      %s\nSource:        %s\nDate:          %s\nEvent ID:      %d\n"
            "Task Category: %s\nLevel:         %s\nKeywords:      Classic\nUser:          %s\n"
            "Computer:      %s\nDescription:\n%s\n" % (
                ev["channel"], ev["provider"], date, ev["event_id"],
                "None" if not ev.get("task") else "(%d)" % ev["task"], level,
                ev.get("user_sid") or "N/A", ev["computer"], desc))


def run_cli(cli, path):
    p = subprocess.run([cli, "scan", "--json", "--records", path], capture_output=True,
                       text=True)
    if p.returncode not in (0, 1):
        raise SystemExit("%s scan failed (%d): %s" % (cli, p.returncode, p.stderr[:500]))
    return json.loads(p.stdout or "[]")


def cli_entries_for_text(cli, events):
    """First entry the CLI finds for each event in its text form, one file
    per event so that records cannot run into each other."""
    out = []
    with tempfile.TemporaryDirectory() as d:
        for ev in events:
            f = os.path.join(d, "r.txt")
            with open(f, "w", encoding="utf-8") as fh:
                fh.write(copy_details(ev))
            recs = run_cli(cli, f)
            ids = [i for r in recs for i in r.get("entries") or []]
            out.append((len(recs), ids[0] if ids else "none"))
    return out


def expected_rows(cli, seed):
    events = all_events(seed)
    rows = []
    problems = []
    for ev, (nrec, cli_id) in zip(events, cli_entries_for_text(cli, events)):
        rows.append((ev["record_id"], ev["provider"], ev["event_id"], ev["_expect"], cli_id))
        if nrec != 1:
            problems.append("record %d: the text form reads as %d records" % (ev["record_id"], nrec))
        if cli_id != ev["_expect"]:
            print("NOTE record %d (%s %d): the catalogue says %s, the CLI on the text form "
                  "finds %s first" % (ev["record_id"], ev["provider"], ev["event_id"],
                                      ev["_expect"], cli_id))
    return rows, problems


def format_tsv(rows):
    lines = ["# Written by gen_events.py --update-expected CLI.  entry: the catalogue's entry for",
             "# the record (source + code; ADSync 6329: + HRESULT); text_entry: the first entry",
             "# `CLI scan --json --records` finds in the record's \"Copy details as text\" form,",
             "# which the .evtx form must equal (gen_events.py --check-cli).",
             "# record_id\tprovider\tevent_id\tentry\ttext_entry"]
    lines += ["%d\t%s\t%d\t%s\t%s" % r for r in rows]
    return "\n".join(lines) + "\n"


def read_tsv():
    rows = []
    with open(EXPECTED, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rid, prov, eid, entry, text_entry = line.rstrip("\n").split("\t")
            rows.append((int(rid), prov, int(eid), entry, text_entry))
    return rows


def check_cli_evtx(cli, seed):
    sys.path.insert(0, HERE)
    import write_evtx
    want = {r[0]: r for r in read_tsv()}
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "sspr.evtx")
        write_evtx.write_evtx(f, all_events(seed))
        recs = run_cli(cli, f)
    problems = []
    got = {}
    for r in recs:
        if r.get("record_id") is None:
            problems.append("a record without record_id: %r" % (r,))
            continue
        got[int(r["record_id"])] = r
    for rid, (_, prov, eid, _entry, entry) in sorted(want.items()):
        r = got.get(rid)
        if r is None:
            problems.append("record %d (%s %d) not read" % (rid, prov, eid))
            continue
        if r.get("source") != prov or r.get("event_id") != eid:
            problems.append("record %d: read %s %s, wrote %s %d" % (
                rid, r.get("source"), r.get("event_id"), prov, eid))
        first = (r.get("entries") or ["none"])[0]
        if first != entry:
            problems.append("record %d (%s %d): found %s, expected %s" % (rid, prov, eid, first, entry))
    for rid in sorted(set(got) - set(want)):
        problems.append("record %d read but not written" % rid)
    return len(want), problems


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--text", metavar="FILE")
    g.add_argument("--update-expected", metavar="CLI")
    g.add_argument("--check-expected", metavar="CLI")
    g.add_argument("--check-cli", metavar="CLI")
    g.add_argument("--list", action="store_true", help="print the events as JSON lines")
    a = ap.parse_args(argv)
    if a.list:
        for ev in all_events(a.seed):
            print(json.dumps(ev, ensure_ascii=False, default=lambda b: b.hex()))
        return 0
    if a.text:
        with open(a.text, "w", encoding="utf-8", newline="\r\n") as f:
            f.write("\n".join(copy_details(ev) for ev in all_events(a.seed)))
        return 0
    if a.check_cli:
        n, problems = check_cli_evtx(a.check_cli, a.seed)
        for p in problems:
            print("FAIL", p)
        print("%d records, %d problems" % (n, len(problems)))
        return 1 if problems else 0
    cli = a.update_expected or a.check_expected
    rows, problems = expected_rows(cli, a.seed)
    for p in problems:
        print("FAIL", p)
    text = format_tsv(rows)
    if a.update_expected:
        os.makedirs(os.path.dirname(EXPECTED), exist_ok=True)
        with open(EXPECTED, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote %s (%d records)" % (EXPECTED, len(rows)))
    else:
        with open(EXPECTED, encoding="utf-8") as f:
            if f.read() != text:
                problems.append("expected/sspr.tsv is out of date (gen_events.py --update-expected)")
                print("FAIL", problems[-1])
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
