#!/usr/bin/python3
"""Logs whose operations are known, for the report tests (issue 18).

  gen_logs.py DIR     writes into DIR:
    events.txt        Event Viewer "Copy details as text" records of the
                      Connect server (PasswordResetService 31001 -> 33004 /
                      33008 with hr=, ADSync 6329 of the same HRESULT within a
                      minute; 31001 -> 31002; 31001 alone)
    audit.json        a Graph directoryAudits page for the same users, half an
                      hour after the last on-premises record (so that no cloud
                      record is within the window that joins the two sides)
    evil.txt          one record holding HTML and script tags in its user,
                      message and computer, and a Graph record with them in
                      its user and reason (evil-audit.json)
    expected.json     what the report must say of events.txt + audit.json

Message texts follow tests/real/records/ and tests/evtx/gen_events.py.
Deterministic: GUIDs come from a seeded generator.
"""

import base64
import datetime
import json
import os
import random
import sys
import uuid

COMPUTER = "AADC01.contoso.com"
BASE = datetime.datetime(2024, 5, 14, 7, 5, 12)
GAP = datetime.timedelta(minutes=6)  # between operations: beyond the HRESULT window (2 min)

EXC = "Microsoft.CredentialManagement.OnPremisesPasswordReset.Shared.PasswordResetException"
STACK = ("\n   at AADPasswordReset.SynchronizationEngineManagedHandle.ThrowSyncEngineError(Int32 hr)"
         "\n   at AADPasswordReset.SynchronizationEngineManagedHandle.ChangePassword(String "
         "cloudAnchor, String sourceAnchor, String oldPassword, String newPassword)")

# hr=, the reason's message, and the 6329 BAIL line (tests/real/records/001, 002).
FAILURES = {
    33004: ("80230626", "The password could not be updated because the management agent "
            "credentials were denied access."),
    33008: ("80230619", "A restriction prevents the password from being changed to the current "
            "one specified."),
}

# (user, what happens): on-premises operations in time order.
ONPREM = [
    ("anna@contoso.com", 33004),
    ("j.smith@contoso.co.uk", "success"),
    ("marek@contoso.com", 33008),
    ("li.wei@contoso.com", "start"),
    ("anna@contoso.com", "success"),
    ("j.smith@contoso.co.uk", 33004),
    ("svc-helpdesk@contoso.com", "start"),
    ("ok.user@contoso.com", "success"),
    ("li.wei@contoso.com", 33008),
]

# (user, [(activity, result, reason)]): cloud operations, one correlation id each.
PROGRESS = "Self-service password reset flow activity progress"
RESET = "Reset password (self-service)"
CLOUD = [
    ("anna@contoso.com", [(PROGRESS, "success", "User was presented with verification options"),
                          (RESET, "failure", "User's account has insufficient authentication "
                           "methods defined. Add authentication info to resolve this ")]),
    ("j.smith@contoso.co.uk", [(PROGRESS, "success", "User started the mobile SMS verification "
                                "option"),
                               (RESET, "success", "User successfully reset password")]),
    ("marek@contoso.com", [(PROGRESS, "success", "User started the mobile SMS verification "
                            "option")]),
    ("li.wei@contoso.com", [(RESET, "failure", "We could not reach your on-premises password "
                             "reset service. Check your sync machine's event log")]),
    ("ok.user@contoso.com", [(RESET, "success", "User successfully reset password")]),
]

EVIL_USER = "<script>alert(1)</script>@contoso.com"
EVIL_COMPUTER = "<b onmouseover=alert(2)>AADC</b>"
EVIL_TEXT = "<script>alert(1)</script> <b onmouseover=alert(2)>x</b> | * _ ` [link](http://x)"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def guid(self):
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def context(self, upn):
        anchor = base64.b64encode(self.r.getrandbits(128).to_bytes(16, "little")).decode()
        return ("Context: cloudAnchor: User_%s, SourceAnchorValue: %s, UserPrincipalName: %s"
                % (self.guid(), anchor, upn))


def viewer_date(t):
    hour = t.hour % 12 or 12
    return "%d/%d/%d %d:%02d:%02d %s" % (t.month, t.day, t.year, hour, t.minute, t.second,
                                          "AM" if t.hour < 12 else "PM")


def copy_details(source, event_id, t, level, message, computer=COMPUTER):
    return ("Log Name:      Application\nSource:        %s\nDate:          %s\n"
            "Event ID:      %d\nTask Category: %s\nLevel:         %s\nKeywords:      Classic\n"
            "User:          N/A\nComputer:      %s\nDescription:\n%s\n\n" % (
                source, viewer_date(t), event_id, "None" if source != "ADSync" else "(3)",
                level, computer, message))


def prs(g, event_id, t, tracking, upn, reason=None):
    if event_id == 31001:
        msg = "TrackingId: %s, PasswordResetRequestStart, Details: %s" % (tracking, g.context(upn))
        return copy_details("PasswordResetService", 31001, t, "Information", msg)
    if event_id == 31002:
        msg = ("TrackingId: %s, PasswordResetSuccess, Details: %s, unblockUser: True"
               % (tracking, g.context(upn)))
        return copy_details("PasswordResetService", 31002, t, "Information", msg)
    msg = "TrackingId: %s, Reason: %s, %s, Details: %s: %s%s" % (
        tracking, reason, g.context(upn), EXC, reason, STACK)
    return copy_details("PasswordResetService", event_id, t, "Error", msg)


def adsync_6329(t, hr, text):
    body = ("An unexpected error has occurred during a password set operation. \n"
            "\"BAIL: MMS(5716): ..\\server.cpp(11139): 0x%s (%s)\nAzure AD Sync 2.1.20.0\""
            % (hr.lower(), text))
    return copy_details("ADSync", 6329, t, "Error", body)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%07dZ" % (t.microsecond * 10)


def graph_record(g, t, upn, activity, result, reason, correlation):
    name = upn.split("@")[0]
    uid = g.guid()
    user = {"id": uid, "displayName": name, "userPrincipalName": upn,
            "ipAddress": "203.0.113.%d" % g.r.randrange(2, 250), "userType": None,
            "homeTenantId": None, "homeTenantName": None}
    return {
        "id": "SSPR_%s_%d" % (g.guid()[:8], g.r.randrange(100000, 999999)),
        "category": "UserManagement", "correlationId": correlation, "result": result,
        "resultReason": reason, "activityDisplayName": activity, "activityDateTime": iso(t),
        "loggedByService": "Self-service Password Management", "operationType": "Update",
        "initiatedBy": {"user": user, "app": None},
        "targetResources": [{"id": uid, "displayName": name, "type": "User",
                             "userPrincipalName": upn, "groupType": None,
                             "modifiedProperties": []}],
        "additionalDetails": []}


def graph_page(records):
    return json.dumps({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/"
                       "directoryAudits", "value": records}, indent=2) + "\n"


def generate(out, seed=18):
    g = Gen(seed)
    text, ops = [], []
    t = BASE
    for upn, what in ONPREM:
        tracking = g.guid()
        text.append(prs(g, 31001, t, tracking, upn))
        if what == "success":
            text.append(prs(g, 31002, t + datetime.timedelta(seconds=4), tracking, upn))
            ops.append((t, upn, "succeeded", "onprem", None))
        elif what == "start":
            ops.append((t, upn, "unfinished", "onprem", None))
        else:
            hr, msg = FAILURES[what]
            reason = "Synchronization Engine returned an error hr=%s, message=%s" % (hr, msg)
            fail = t + datetime.timedelta(seconds=3)
            # ADSync writes its 6329 a second before the 33004 (or, here for
            # 33008, twenty seconds after): either order joins within 2 minutes
            when_6329 = fail - datetime.timedelta(seconds=1) if what == 33004 else \
                fail + datetime.timedelta(seconds=20)
            first, second = (adsync_6329(when_6329, hr, msg), prs(g, what, fail, tracking, upn,
                                                                   reason))
            text += [first, second] if what == 33004 else [second, first]
            ops.append((t, upn, "failed", "onprem", "0x" + hr.upper()))
        t += GAP
    last_onprem = t - GAP
    records = []
    t = last_onprem + datetime.timedelta(minutes=30)
    for upn, steps in CLOUD:
        corr = g.guid()
        st = t
        for activity, result, reason in steps:
            records.append(graph_record(g, st, upn, activity, result, reason, corr))
            st += datetime.timedelta(seconds=40)
        final = [s for s in steps if s[0] == RESET]
        outcome = ("unfinished" if not final else
                   "succeeded" if final[-1][1] == "success" else "failed")
        ops.append((t, upn, outcome, "cloud", None))
        t += GAP
    with open(os.path.join(out, "events.txt"), "w", encoding="utf-8") as f:
        f.write("".join(text))
    with open(os.path.join(out, "audit.json"), "w", encoding="utf-8") as f:
        f.write(graph_page(records))

    users = sorted({u for _, u, _, _, _ in ops})
    affected = sorted({u for _, u, o, _, _ in ops if o != "succeeded"})
    count = lambda o: sum(1 for x in ops if x[2] == o)
    expected = {
        "files": 2,
        "records": len(text) + len(records),
        "operations": len(ops),
        "failed": count("failed"),
        "unfinished": count("unfinished"),
        "succeeded": count("succeeded"),
        "users": users,
        "affected": affected,
        "computer": COMPUTER,
        "hresults": sorted({x[4] for x in ops if x[4]}),
        "first": BASE.strftime("%Y-%m-%dT%H:%M:%S"),
        "last": iso(t - GAP + datetime.timedelta(seconds=40 * (len(CLOUD[-1][1]) - 1))),
        # the audit reasons of the cloud's failures: their entries must be explained
        "failing_entries_include": ["audit-reason-insufficient-methods",
                                    "audit-reason-onprem-unreachable"],
    }
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2)
        f.write("\n")

    # The hostile input: HTML in every field a log gives.
    tracking = g.guid()
    evil_reason = "Synchronization Engine returned an error hr=80230626, message=%s" % EVIL_TEXT
    evil = (copy_details("PasswordResetService", 31001, BASE, "Information",
                         "TrackingId: %s, PasswordResetRequestStart, Details: %s"
                         % (tracking, g.context(EVIL_USER)), EVIL_COMPUTER) +
            copy_details("PasswordResetService", 33004, BASE + datetime.timedelta(seconds=2),
                         "Error", "TrackingId: %s, Reason: %s, %s, Details: %s: %s"
                         % (tracking, evil_reason, g.context(EVIL_USER), EXC, evil_reason),
                         EVIL_COMPUTER))
    with open(os.path.join(out, "evil.txt"), "w", encoding="utf-8") as f:
        f.write(evil)
    with open(os.path.join(out, "evil-audit.json"), "w", encoding="utf-8") as f:
        f.write(graph_page([graph_record(g, BASE + datetime.timedelta(minutes=40), EVIL_USER,
                                         RESET, "failure", EVIL_TEXT, g.guid())]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: gen_logs.py DIR")
    os.makedirs(sys.argv[1], exist_ok=True)
    generate(sys.argv[1])
