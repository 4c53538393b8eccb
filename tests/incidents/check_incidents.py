#!/usr/bin/env python3
"""incidents on generated logs whose operations are known.

check_incidents.py CLI: writes, in a temporary directory, an Event Viewer
"Copy details as text" export of the Connect server and a Microsoft Graph
directoryAudits page of the same tenant, holding attempts of five kinds:
  A  writeback failure: 31001 (TrackingId), ADSync 6329 hr=80230626 (no
     TrackingId, 5 s later), 33004 with the TrackingId and the HRESULT
  B  success: 31001, then 31002 with the same TrackingId
  C  unfinished: 31001 alone
  D  cloud failure: a self-service reset failing for too few methods
  E  both sides: the cloud's "could not reach your on-premises password
     reset service" and the Connect server's 31001 + 32002 for the same user
     within a minute, before all the others in time: first in the event log,
     last in the audit file (the files are read side by side in time)
then checks incidents' text and JSON output (what is printed, in which
order, with which entry) and its filters. Times are 20 minutes apart, so
each attempt closes before the next begins."""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import uuid

BASE = datetime.datetime(2024, 5, 14, 8, 0, 0)


def details(source, event_id, level, when, message):
    return ("Log Name:      Application\n"
            "Source:        %s\n"
            "Date:          %s\n"
            "Event ID:      %d\n"
            "Task Category: None\n"
            "Level:         %s\n"
            "Keywords:      Classic\n"
            "User:          N/A\n"
            "Computer:      AADC01.contoso.com\n"
            "Description:\n%s\n\n") % (source, when.strftime("%Y-%m-%dT%H:%M:%S"), event_id,
                                       level, message)


def track(tid, word, upn):
    return "TrackingId: %s, %s, Details: Context: cloudAnchor: User_%s, UserPrincipalName: %s" % (
        tid, word, tid[:8], upn)


def build(tmp):
    text, audits, expect = [], [], []
    slot = 0

    def at(minutes, seconds=0):
        return BASE + datetime.timedelta(minutes=20 * minutes, seconds=seconds)

    for i in range(3):  # A
        upn, tid, t = "anna%d@contoso.com" % i, str(uuid.uuid5(uuid.NAMESPACE_DNS, "a%d" % i)), at(slot)
        text.append(details("PasswordResetService", 31001, "Information", t,
                            track(tid, "PasswordResetRequestStart", upn)))
        text.append(details("ADSync", 6329, "Error", t + datetime.timedelta(seconds=5),
                            "An unexpected error has occurred during a password set operation. \n"
                            "\"BAIL: MMS(4924): admaexport.cpp(2944): 0x80230626 (The operation "
                            "failed because the attribute cannot be modified.)\nAzure AD Sync "
                            "2.1.20.0\""))
        text.append(details("PasswordResetService", 33004, "Error", t + datetime.timedelta(seconds=6),
                            "TrackingId: %s, Reason: Synchronization Engine returned an error "
                            "hr=80230626, message=The password could not be updated because the "
                            "management agent credentials were denied access., Context: "
                            "cloudAnchor: User_x, UserPrincipalName: %s" % (tid, upn)))
        expect.append(("failed", upn, t + datetime.timedelta(seconds=6),
                       {"prs-33004", "adsync-6329-80230626", "wb-ma-access-denied"}))
        slot += 1
    for i in range(2):  # B
        upn, tid, t = "ben%d@contoso.com" % i, str(uuid.uuid5(uuid.NAMESPACE_DNS, "b%d" % i)), at(slot)
        text.append(details("PasswordResetService", 31001, "Information", t,
                            track(tid, "PasswordResetRequestStart", upn)))
        text.append(details("PasswordResetService", 31002, "Information",
                            t + datetime.timedelta(seconds=3), track(tid, "PasswordResetSuccess", upn)))
        slot += 1
    for i in range(2):  # C
        upn, tid, t = "carla%d@contoso.com" % i, str(uuid.uuid5(uuid.NAMESPACE_DNS, "c%d" % i)), at(slot)
        text.append(details("PasswordResetService", 31001, "Information", t,
                            track(tid, "PasswordResetRequestStart", upn)))
        expect.append(("unfinished", upn, t, {None, "prs-31001"}))
        slot += 1

    def audit(upn, t, reason, corr):
        return {"id": "SSPR_%s" % corr[:8], "category": "UserManagement", "correlationId": corr,
                "result": "failure", "resultReason": reason,
                "activityDisplayName": "Reset password (self-service)",
                "activityDateTime": t.strftime("%Y-%m-%dT%H:%M:%S") + "Z",
                "loggedByService": "Self-service Password Management", "operationType": "Update",
                "initiatedBy": {"user": {"userPrincipalName": upn}},
                "targetResources": [{"type": "User", "userPrincipalName": upn}],
                "additionalDetails": []}

    upn, t = "dmitri@contoso.com", at(slot)  # D
    audits.append(audit(upn, t, "User's account has insufficient authentication methods defined. "
                        "Add authentication info to resolve this ", str(uuid.uuid5(uuid.NAMESPACE_DNS, "d"))))
    expect.append(("failed", upn, t, {"audit-reason-insufficient-methods"}))
    slot += 1
    # E comes first in time, so first in the event log but last in the audit
    # file: the two files are read side by side in time, and still join
    upn, tid, t = "emma@contoso.com", str(uuid.uuid5(uuid.NAMESPACE_DNS, "e")), at(-1)  # E
    text.insert(0, details("PasswordResetService", 31001, "Information", t,
                           track(tid, "PasswordResetRequestStart", upn)))
    text.insert(1, details("PasswordResetService", 32002, "Error", t + datetime.timedelta(seconds=20),
                        "TrackingId: %s, Reason: Unable to connect to the on-premises service "
                        "bus, UserPrincipalName: %s" % (tid, upn)))
    audits.append(audit(upn, t + datetime.timedelta(seconds=40),
                        "We could not reach your on-premises password reset service. Check your "
                        "sync machine's event log", str(uuid.uuid5(uuid.NAMESPACE_DNS, "e2"))))
    expect.append(("failed", upn, t + datetime.timedelta(seconds=40),
                   {"prs-32002", "audit-reason-onprem-unreachable"}))
    ev = os.path.join(tmp, "Application.txt")
    with open(ev, "w") as f:
        f.write("".join(text))
    au = os.path.join(tmp, "audit.json")
    with open(au, "w") as f:
        json.dump({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/"
                   "directoryAudits", "value": audits}, f, indent=2)
    return [ev, au], expect


def run(cli, args):
    p = subprocess.run([cli, "incidents"] + args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    cli = sys.argv[1]
    bad = []

    def check(ok, what):
        if not ok:
            bad.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        files, expect = build(tmp)
        rc, out, err = run(cli, ["--json"] + files)
        check(rc == 0, "--json exit status %d: %s" % (rc, err))
        ops = json.loads(out) if rc == 0 else []
        check(len(ops) == len(expect), "%d operations, expected %d" % (len(ops), len(expect)))
        by_user = {o["user"]: o for o in ops}
        for outcome, upn, when, entries in expect:
            o = by_user.get(upn)
            check(o is not None, "no operation for %s" % upn)
            if not o:
                continue
            check(o["outcome"] == outcome, "%s: %s, expected %s" % (upn, o["outcome"], outcome))
            check(o["entry"] in entries, "%s: entry %s, expected one of %s" % (upn, o["entry"], entries))
        e = by_user.get("emma@contoso.com")
        check(e is not None and e["cloud"] and e["on_premises"],
              "emma's cloud and on-premises records are not one operation")
        a = by_user.get("anna0@contoso.com")
        check(a is not None and len(a["records"]) == 3,
              "anna0's start, 6329 and 33004 are not one operation")
        check(not any((o["user"] or "").startswith("ben") for o in ops), "a success was printed")
        # text: most recent first, one block per operation
        rc, out, err = run(cli, files)
        lines = [l for l in out.splitlines() if l and not l.startswith(" ")]
        check(len(lines) == len(expect), "text: %d lines, expected %d" % (len(lines), len(expect)))
        times = [l.split()[0] for l in lines]
        check(times == sorted(times, reverse=True), "text: not most recent first: %s" % times)
        # filters
        rc, out, _ = run(cli, ["--json", "--user", "ANNA"] + files)
        check(rc == 0 and len(json.loads(out)) == 3, "--user ANNA")
        rc, out, _ = run(cli, ["--json", "--source", "Self-service Password Management"] + files)
        check(rc == 0 and {o["user"] for o in json.loads(out)} == {"dmitri@contoso.com",
                                                                 "emma@contoso.com"}, "--source")
        rc, out, _ = run(cli, ["--json", "--since", "2024-05-14T09:40:00"] + files)
        check(rc == 0 and all(o["end"] >= "2024-05-14T09:40:00" for o in json.loads(out))
              and len(json.loads(out)) == 3, "--since")
        rc, out, _ = run(cli, ["--json", "--until", "2024-05-14T08:30:00"] + files)
        check(rc == 0 and len(json.loads(out)) == 3, "--until")
        rc, out, _ = run(cli, ["--json", "--level", "warning"] + files)
        check(rc == 1 and json.loads(out) == [], "--level warning: nothing")
        rc, _, err = run(cli, ["--since", "yesterday"] + files)
        check(rc == 2 and "--since" in err, "a bad --since")
    for b in bad:
        print("FAIL:", b)
    print("incidents: %d problems" % len(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
