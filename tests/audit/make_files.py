#!/usr/bin/python3
"""Test files of the Microsoft Entra audit log (issue 17) and their expectations.

Every file here is built by this script from one list of made-up records
(tenant contoso.com, invented GUIDs, invented times), shaped after the
documented schemas listed in SOURCES.md.  Nothing comes from a real tenant.

  make_files.py             write the files and expected.tsv into this folder
  make_files.py --check     build everything in memory and compare with the
                            files on disk (exit 1 and name the difference)
  make_files.py --coverage  check that every documented reason string of
                            catalog/audit.json (the `messages` and the reason
                            `name`s) occurs, byte for byte, in at least one
                            record of the files, and that each record's
                            expected entries are the catalogue's

The shapes and which of their strings are documented or constructed are in
SOURCES.md.  Standard library only.
"""

import argparse
import csv
import datetime
import io
import json
import os
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CATALOG = os.path.join(ROOT, "catalog", "audit.json")

NS = uuid.UUID("6f1c2a4e-9b7d-4e3a-8c55-0d2b7e9a1f00")  # our own namespace
T0 = datetime.datetime(2024, 5, 14, 9, 0, 0, tzinfo=datetime.timezone.utc)

SSPR = "Self-service Password Management"
AUTHM = "Authentication Methods"

# Values of the record key `format`: the names of src/lib/scan/record.c
# (the reader's work in progress, 2 Dec).  If they change, change them here
# and regenerate expected.tsv.
FMT_GRAPH = "graph-json"             # Graph response / pages / concatenated pages
FMT_PORTAL_JSON = "graph-json"       # the portal's JSON download: same reader
FMT_PORTAL_CSV = "audit-csv"
FMT_LA_CSV = "log-analytics-csv"
FMT_LA_JSON = "log-analytics-json"
FMT_UES = "user-events-json"
UES_SOURCE = ""                       # userEventsSummary names no logging service

UA = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
      "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0")

USERS = ["anna", "ben", "carla", "dmitri", "emma", "farid", "greta", "hugo",
         "ines", "jonas", "kiri", "lena", "marek", "nora", "omar", "paula"]


def gid(*parts):
    return str(uuid.uuid5(NS, "/".join(str(p) for p in parts)))


def upn(name):
    return "%s@contoso.com" % name


class Rec:
    """One audit record, in the terms of the Graph directoryAudit resource."""

    def __init__(self, n, activity, result, reason, user, *, service=SSPR,
                 category="UserManagement", op="Update", by=None, app=None,
                 details=(), ua=UA, ms=0):
        self.n = n
        self.time = T0 + datetime.timedelta(minutes=7 * n, seconds=(13 * n) % 60,
                                            microseconds=ms or (n * 104729) % 1000000)
        self.activity = activity
        self.result = result            # success | failure | timeout
        self.reason = reason            # exact, "" when none
        self.user = user                # target user name (no domain)
        self.service = service
        self.category = category
        self.op = op
        self.by = by if by is not None else (None if app else user)  # initiating user
        self.app = app                  # initiating app display name
        self.details = list(details)    # [(key, value)]
        self.ua = ua
        self.id = "SSPR_%s_%d" % (gid("id", n)[:8], 100000 + n)
        self.corr = gid("corr", n)

    # -- time forms
    def iso7(self):
        """2024-05-14T09:07:13.1047290Z: Graph's 7 fractional digits."""
        return self.time.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d0Z" % self.time.microsecond

    def la_time(self, shift_ms=0):
        """The Logs blade's en-US display form: 5/14/2024, 9:07:13.104 AM."""
        t = self.time + datetime.timedelta(milliseconds=shift_ms)
        h = t.hour % 12 or 12
        return "%d/%d/%d, %d:%02d:%02d.%03d %s" % (
            t.month, t.day, t.year, h, t.minute, t.second, t.microsecond // 1000,
            "AM" if t.hour < 12 else "PM")

    def expected_time(self):
        return self.time.strftime("%Y-%m-%dT%H:%M:%S")

    def initiator(self):
        """The initiator; alternatives joined by '|' (UPN or display name)."""
        return "%s|%s" % (upn(self.by), self.by.capitalize()) if self.by else self.app

    # -- Graph shape
    def graph(self, user_agent=False):
        if self.by:
            init = {"user": {"id": gid("user", self.by), "displayName": self.by.capitalize(),
                             "userPrincipalName": upn(self.by),
                             "ipAddress": "203.0.113.%d" % (10 + self.n % 200),
                             "userType": None, "homeTenantId": None, "homeTenantName": None},
                    "app": None}
        else:
            init = {"user": None,
                    "app": {"appId": gid("app", self.app), "displayName": self.app,
                            "servicePrincipalId": gid("sp", self.app),
                            "servicePrincipalName": None}}
        d = {"id": self.id, "category": self.category, "correlationId": self.corr,
             "result": self.result, "resultReason": self.reason,
             "activityDisplayName": self.activity, "activityDateTime": self.iso7(),
             "loggedByService": self.service, "operationType": self.op}
        if user_agent:
            d["userAgent"] = self.ua
        d["initiatedBy"] = init
        d["targetResources"] = [{"id": gid("user", self.user),
                                 "displayName": self.user.capitalize(), "type": "User",
                                 "userPrincipalName": upn(self.user), "groupType": None,
                                 "modifiedProperties": []}]
        d["additionalDetails"] = [{"key": k, "value": v} for k, v in self.details]
        return d


def R(*a, **k):
    return Rec(*a, **k)


FLOW = "Self-service password reset flow activity progress"
RESET = "Reset password (self-service)"
CHANGE = "Change password (self-service)"
ADMIN = "Reset password (by admin)"
BLOCKED = "Blocked from self-service password reset"
UNLOCK = "Unlock user account (self-service)"
SAVED = "Security info saved for self-service password reset"
REG = "User registered for self-service password reset"
POLICY = "Self-service password reset policy changes"
WB_ON = "Enable password writeback for directory"
WB_OFF = "Disable password writeback for directory"
INSUFF = ("User's account has insufficient authentication methods defined. "
          "Add authentication info to resolve this ")          # trailing space
INSUFF0 = INSUFF[:-1]


def v(option):
    return "User started the %s verification option" % option


def records():
    """The records of each file, by file group."""
    u = USERS
    # Graph page 1 (pretty): one reset flow from start to success, and failures
    page1 = [
        R(1, "user started password reset", "success", "", u[0], service=AUTHM),
        R(2, FLOW, "success", "User was presented with verification options", u[0]),
        R(3, FLOW, "success", v("mobile SMS"), u[0]),
        R(4, FLOW, "success", "User completed the mobile SMS verification option", u[0]),
        R(5, FLOW, "success", "Successfully completed reset.", u[0]),
        R(6, RESET, "success", "User successfully reset password", u[0]),
        R(7, RESET, "failure", INSUFF, u[1]),
        R(8, RESET, "failure", "We could not reach your on-premises password reset service. "
          "Check your sync machine's event log", u[2]),
        R(9, RESET, "failure", "We encountered a problem while resetting the user's on-premises "
          "password. Check your sync machine's event log", u[2]),
        R(10, CHANGE, "failure", "FuzzyPolicyViolationInvalidPassword", u[3]),
        R(11, ADMIN, "success", "", u[4], by="admin", op="Update",
          details=[("OnPremisesAgent", "Microsoft Entra Connect"), ("User-Agent", UA)]),
        R(12, ADMIN, "success", "", u[5], by="admin",
          details=[("OnPremisesAgent", "None")]),
        R(13, ADMIN, "success", "", u[6], by="admin",
          details=[("OnPremisesAgent", "CloudSync")]),
        R(14, BLOCKED, "success", "User entered too many invalid SMS verification codes and is "
          "blocked for 24 hours", u[7]),
        R(15, RESET, "timeout", "", u[8]),
    ]
    # Graph page 2 (minified, last page)
    page2 = [
        R(16, FLOW, "success", v("mobile voice call"), u[8]),
        R(17, FLOW, "success", v("security questions"), u[8]),
        R(18, FLOW, "success", v("email"), u[8]),
        R(19, FLOW, "success", v("mobile app notification"), u[8]),
        R(20, FLOW, "success", v("mobile app code"), u[8]),
        R(21, FLOW, "success", "User completed the mobile voice call verification option", u[8]),
        R(22, FLOW, "success", "User completed the security questions verification option", u[8]),
        R(23, FLOW, "success", "User completed the email verification option", u[8]),
        R(24, FLOW, "success", "User completed the mobile app notification verification option", u[8]),
        R(25, UNLOCK, "success", "", u[9]),
        R(26, SAVED, "success", "", u[10]),
        R(27, REG, "success", "", u[10]),
        R(28, POLICY, "failure", "Permission failure?", u[11], by="helpdesk",
          category="UserManagement"),
        R(29, WB_OFF, "success", "", u[11], category="DirectoryManagement",
          app="Contoso Sync Service", by=None),
        R(30, WB_ON, "success", "", u[11], category="DirectoryManagement",
          app="Contoso Sync Service", by=None),
        R(31, "Admin started password reset", "success", "", u[4], by="admin", service=AUTHM),
        R(32, "User started password change", "success", "", u[3], service=AUTHM),
    ]
    # Portal JSON download (bare array with userAgent)
    portal_json = [
        R(40, RESET, "failure", "Password reset is not enabled for this user. Enable password "
          "reset under the configure tab to resolve this", u[12]),
        R(41, RESET, "failure", "User does not have a license. You can add a license to the user "
          "to resolve this", u[12]),
        R(42, RESET, "failure", "User tried to reset from a device without cookies enabled", u[13]),
        R(43, RESET, "failure", INSUFF0, u[13]),
        R(44, RESET, "failure", "User's password is managed on-premises. You can enable Password "
          "Writeback to resolve this", u[14]),
        R(45, RESET, "failure", "This user is not a member of the password reset users group. "
          "Add this user to that group to resolve this.", u[14]),
        R(46, RESET, "failure", "Password reset has been disabled entirely for this tenant. "
          "See here to resolve this.", u[15]),
        R(47, RESET, "failure", "Password reset has been disabled entirely for this tenant.", u[15]),
        R(48, BLOCKED, "success", "User tried mobile phone voice verification too many times and "
          "is blocked for 24 hours", u[0]),
        R(49, BLOCKED, "success", "User tried office phone voice verification too many times and "
          "is blocked for 24 hours", u[0]),
        R(50, BLOCKED, "success", "User tried to answer security questions too many times and is "
          "blocked for 24 hours", u[1]),
        R(51, BLOCKED, "success", "User tried to verify a phone number too many times and is "
          "blocked for 24 hours", u[1]),
    ]
    # Portal CSV download (same records in every language)
    opts = ["email", "mobile SMS", "mobile voice call", "office voice call"]
    portal_csv = []
    n = 60
    for o in opts:
        portal_csv.append(R(n, FLOW, "failure", "User abandoned after completing the %s "
                            "verification option" % o, u[n % 16])); n += 1
        portal_csv.append(R(n, FLOW, "failure", "User abandoned after starting the %s "
                            "verification option" % o, u[n % 16])); n += 1
    portal_csv += [
        R(n, FLOW, "failure", "User abandoned after completing the security questions option", u[2]),
        R(n + 1, FLOW, "failure", "User abandoned after starting the security questions option", u[2]),
        R(n + 2, FLOW, "failure", "User abandoned after entering their user ID", u[3]),
        R(n + 3, FLOW, "failure", "User abandoned before selecting a new password", u[3]),
        R(n + 4, FLOW, "failure", "User abandoned while selecting a new password", u[4]),
        R(n + 5, ADMIN, "success", "", u[5], by="admin",
          details=[("OnPremisesAgent", "Microsoft Entra Connect")]),
        R(n + 6, RESET, "failure", INSUFF, u[6]),
    ]
    # Log Analytics exports (CSV and JSON: the same records)
    la = [
        R(80, FLOW, "failure", "User canceled before passing the required authentication methods", u[7]),
        R(81, FLOW, "failure", "User cancelled before passing the required authentication methods", u[7]),
        R(82, FLOW, "failure", "User canceled before submitting a new password", u[8]),
        R(83, FLOW, "failure", "User cancelled before submitting a new password", u[8]),
        R(84, FLOW, "failure", "User contacted an admin after trying the email verification option", u[9]),
        R(85, FLOW, "failure", "User contacted an admin after trying the mobile SMS verification option", u[9]),
        R(86, FLOW, "failure", "User contacted an admin after trying the mobile voice call verification option", u[10]),
        R(87, FLOW, "failure", "User contacted an admin after trying the office voice call verification option", u[10]),
        R(88, FLOW, "failure", "User contacted an admin after trying the security question verification option", u[11]),
        R(89, RESET, "failure", "We could not reach your on-premises password reset service. "
          "Check your sync machine's event log", u[12]),
        R(90, CHANGE, "failure", "FuzzyPolicyViolationInvalidPassword", u[13]),
        R(91, ADMIN, "success", "", u[14], by="admin",
          details=[("OnPremisesAgent", "CloudSync")]),
    ]
    return page1, page2, portal_json, portal_csv, la


# userEventsSummary (beta): its own records
UES = [
    # (n, feature, isSuccess, authMethod, failureReason, user)
    (100, "reset", True, "mobileSMS", "", "anna"),
    (101, "reset", False, "email", "A system error has occurred.", "ben"),
    (102, "registration", True, "microsoftAuthenticatorPush", "", "carla"),
    (103, "reset", False, "securityQuestion", "User's account has insufficient authentication "
     "methods defined. Add authentication info to resolve this ", "dmitri"),
]


def ues_time(n):
    return T0 + datetime.timedelta(hours=n - 99, minutes=n % 60, seconds=(7 * n) % 60)


# ---------------------------------------------------------------- writers

GRAPH_CONTEXT = "https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits"
NEXT = ("https://graph.microsoft.com/v1.0/auditLogs/directoryAudits?"
        "$filter=loggedByService+eq+'Self-service+Password+Management'"
        "&$skiptoken=6c2b1a9e0d4f4e7ab8c3d2e1f0a9b8c7")


def graph_page(recs, nextlink, pretty):
    d = {"@odata.context": GRAPH_CONTEXT, "value": [r.graph() for r in recs]}
    if nextlink:
        d["@odata.nextLink"] = nextlink
    if pretty:
        return json.dumps(d, indent=4, ensure_ascii=False) + "\n"
    return json.dumps(d, separators=(",", ":"), ensure_ascii=False) + "\n"


def portal_json(recs):
    return json.dumps([r.graph(user_agent=True) for r in recs], indent=2,
                      ensure_ascii=False) + "\n"


def csv_header_en():
    h = ["Date (UTC)", "CorrelationId", "Service", "Category", "Activity", "Result",
         "ResultReason", "User Agent", "ActorType", "ActorDisplayName", "ActorObjectId",
         "ActorUserPrincipalName", "IPAddress", "ActorHomeTenantId", "ActorHomeTenantName",
         "ActorServicePrincipalId", "ActorServicePrincipalName"]
    for t in (1, 2, 3):
        h += ["Target%dType" % t, "Target%dDisplayName" % t, "Target%dObjectId" % t,
              "Target%dUserPrincipalName" % t]
        for p in range(1, 6):
            h += ["Target%dModifiedProperty%dName" % (t, p),
                  "Target%dModifiedProperty%dOldValue" % (t, p),
                  "Target%dModifiedProperty%dNewValue" % (t, p)]
    for a in range(1, 7):
        h += ["AdditionalDetail%dKey" % a, "AdditionalDetail%dValue" % a]
    return h


# Localised header spellings that a public parser documents (see SOURCES.md).
# Columns not listed keep their English name.  German, French and Japanese:
# no spelling could be confirmed, so there is no file for them (one with the
# English header would test nothing the English file does not).
LOCALISED = {
    "en": {},
    "es": {"Date (UTC)": "Fecha (UTC)", "Service": "Servicio", "Category": "Categoría",
           "Activity": "Actividad", "Result": "Resultado",
           "Target1UserPrincipalName": "Objetivo1NombrePrincipalDeUsuario",
           "User Agent": "Agente de usuario"},
    "it": {"Date (UTC)": "Data (UTC)"},
    # Constructed, NOT a confirmed download: the date heading in a language the
    # reader has no table entry for, in a non-Latin script, other headings
    # English (as in the Italian download). Tests the rule that any "<word>
    # (UTC)" heading is the time column; the word is not a claim of what
    # Microsoft writes.
    "any-language": {"Date (UTC)": "\u65e5\u4ed8 (UTC)"},
}


def csv_row(r, header_en):
    row = dict.fromkeys(header_en, "")
    row.update({
        "Date (UTC)": r.iso7(), "CorrelationId": r.corr, "Service": r.service,
        "Category": r.category, "Activity": r.activity, "Result": r.result.capitalize(),
        "ResultReason": r.reason, "User Agent": r.ua,
        "ActorType": "User" if r.by else "Application",
        "ActorDisplayName": r.by.capitalize() if r.by else r.app,
        "ActorObjectId": gid("user", r.by) if r.by else gid("app", r.app),
        "ActorUserPrincipalName": upn(r.by) if r.by else "",
        "IPAddress": "203.0.113.%d" % (10 + r.n % 200) if r.by else "",
        "ActorServicePrincipalId": "" if r.by else gid("sp", r.app),
        "ActorServicePrincipalName": "",
        "Target1Type": "User", "Target1DisplayName": r.user.capitalize(),
        "Target1ObjectId": gid("user", r.user), "Target1UserPrincipalName": upn(r.user),
    })
    for i, (k, val) in enumerate(r.details[:6], 1):
        row["AdditionalDetail%dKey" % i] = k
        row["AdditionalDetail%dValue" % i] = val
    return [row[h] for h in header_en]


def write_csv(rows, bom=False):
    out = io.StringIO(newline="")
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for row in rows:
        w.writerow(row)
    text = out.getvalue()
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def portal_csv(recs, lang, bom=False):
    en = csv_header_en()
    header = [LOCALISED[lang].get(h, h) for h in en]
    return write_csv([header] + [csv_row(r, en) for r in recs], bom)


LA_COLS = ["TenantId", "SourceSystem", "TimeGenerated [UTC]", "ResourceId", "OperationName",
           "OperationVersion", "Category", "ResultType", "ResultSignature", "ResultDescription",
           "DurationMs", "CorrelationId", "Resource", "ResourceGroup", "ResourceProvider",
           "Identity", "Level", "Location", "AdditionalDetails", "Id", "InitiatedBy",
           "LoggedByService", "Result", "ResultReason", "TargetResources", "AADTenantId",
           "ActivityDisplayName", "ActivityDateTime [UTC]", "AADOperationType", "Type"]
WORKSPACE = "0b6c9a3e-4d1f-4a7b-9e2c-5f8d7a6b1c30"
TENANT = "9e3b7c1a-2f4d-4e6a-8b0c-1d2e3f4a5b6c"


def la_obj(r):
    g = r.graph()
    ident = (g["initiatedBy"]["user"] or {}).get("displayName") or r.app
    return {
        "TenantId": WORKSPACE, "SourceSystem": "Azure AD",
        "TimeGenerated [UTC]": r.la_time(shift_ms=0), "ResourceId": "/tenants/%s/providers/Microsoft.aadiam" % TENANT,
        "OperationName": r.activity, "OperationVersion": "1.0", "Category": r.category,
        "ResultType": "Success" if r.result == "success" else "Failure",
        "ResultSignature": "None", "ResultDescription": r.reason, "DurationMs": "0",
        "CorrelationId": r.corr, "Resource": "Microsoft.aadiam",
        "ResourceGroup": "Microsoft.aadiam", "ResourceProvider": "Microsoft.aadiam",
        "Identity": ident, "Level": "4", "Location": "EU",
        "AdditionalDetails": json.dumps(g["additionalDetails"], separators=(",", ":")),
        "Id": r.id,
        "InitiatedBy": json.dumps({k: val for k, val in g["initiatedBy"].items() if val},
                                  separators=(",", ":")),
        "LoggedByService": r.service, "Result": r.result, "ResultReason": r.reason,
        "TargetResources": json.dumps(g["targetResources"], separators=(",", ":")),
        "AADTenantId": TENANT, "ActivityDisplayName": r.activity,
        "ActivityDateTime [UTC]": r.la_time(), "AADOperationType": r.op, "Type": "AuditLogs",
    }


def la_csv(recs):
    return write_csv([LA_COLS] + [[la_obj(r)[c] for c in LA_COLS] for r in recs], bom=True)


def la_json(recs):
    return json.dumps([la_obj(r) for r in recs], indent=2, ensure_ascii=False) + "\n"


def ues_json():
    vals = []
    for n, feat, ok, meth, why, user in UES:
        vals.append({"@odata.type": "#microsoft.graph.userEventsSummary", "id": gid("user", user),
                     "feature": feat, "userPrincipalName": upn(user),
                     "userDisplayName": user.capitalize(), "isSuccess": ok, "authMethod": meth,
                     "failureReason": why,
                     "eventDateTime": ues_time(n).strftime("%Y-%m-%dT%H:%M:%SZ")})
    d = {"@odata.context": "https://graph.microsoft.com/beta/$metadata#reports/"
                           "authenticationMethods/userEventsSummary", "value": vals}
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- bad input

def truncated(recs):
    """A Graph page cut in the middle of its fourth record."""
    text = graph_page(recs, NEXT, pretty=True)
    cut = text.index(recs[3].corr) + 10
    return text[:cut]


def csv_damaged(recs, mode):
    en = csv_header_en()
    rows = [en] + [csv_row(r, en) for r in recs]
    if mode == "missing":           # the third record lost its last column
        rows[3] = rows[3][:-1]
    else:                           # the third record has one column too many
        rows[3] = rows[3] + ["unexpected"]
    return write_csv(rows)


# ---------------------------------------------------------------- expected

def catalogue():
    with open(CATALOG, encoding="utf-8") as f:
        entries = json.load(f)["entries"]
    exact = {}
    for e in entries:
        if e.get("kind") != "audit":
            continue
        for s in [e.get("name")] + list(e.get("aliases") or []) + list(e.get("messages") or []):
            if s:
                exact.setdefault(s, e["id"])
    return entries, exact


def esc(s):
    return (s or "").replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


EXP_COLS = ["file", "index", "format", "time", "activity", "result", "reason", "correlation_id",
            "user", "source", "initiator", "details", "entries"]


def exp_row(exact, fname, i, fmt, r):
    ids = []
    if r.reason and r.reason in exact:
        ids.append(exact[r.reason])
    if r.activity in exact:
        ids.append(exact[r.activity])
    return [fname, str(i), fmt, r.expected_time(), r.activity, r.result, esc(r.reason), r.corr,
            upn(r.user), r.service, r.initiator() or "",
            json.dumps([[k, val] for k, val in r.details], ensure_ascii=False),
            ",".join(ids)]


def build():
    """{filename: bytes} and the expected.tsv text."""
    page1, page2, pj, pc, la = records()
    _, exact = catalogue()
    files = {}
    exp = []

    def add(fname, data, fmt, recs):
        files[fname] = data if isinstance(data, bytes) else data.encode("utf-8")
        for i, r in enumerate(recs):
            exp.append(exp_row(exact, fname, i, fmt, r))

    p1 = graph_page(page1, NEXT, pretty=True)
    p2 = graph_page(page2, None, pretty=False)
    add("graph-directoryaudits.json", p1, FMT_GRAPH, page1)
    add("graph-page2.json", p2, FMT_GRAPH, page2)
    add("graph-pages-concatenated.json", p1 + p2, FMT_GRAPH, page1 + page2)
    add("portal-download.json", portal_json(pj), FMT_PORTAL_JSON, pj)
    for lang in ("en", "es", "it", "any-language"):
        add("portal-%s.csv" % lang, portal_csv(pc, lang), FMT_PORTAL_CSV, pc)
    add("bom.csv", portal_csv(pc, "en", bom=True), FMT_PORTAL_CSV, pc)
    add("loganalytics.csv", la_csv(la), FMT_LA_CSV, la)
    add("loganalytics.json", la_json(la), FMT_LA_JSON, la)
    files["usereventssummary.json"] = ues_json().encode("utf-8")
    for i, (n, feat, ok, meth, why, user) in enumerate(UES):
        ids = [exact[why]] if why in exact else []
        exp.append(["usereventssummary.json", str(i), FMT_UES,
                    ues_time(n).strftime("%Y-%m-%dT%H:%M:%S"), feat,
                    "success" if ok else "failure", esc(why), "", upn(user), UES_SOURCE, "",
                    json.dumps([["authMethod", meth]]), ",".join(ids)])
    # bad input: the records that can be read (before the cut, the good rows)
    files["truncated.json"] = truncated(page1).encode("utf-8")
    for i, r in enumerate(page1[:3]):
        exp.append(exp_row(exact, "truncated.json", i, FMT_GRAPH, r))
    files["csv-missing-column.csv"] = csv_damaged(pc[:5], "missing")
    files["csv-extra-column.csv"] = csv_damaged(pc[:5], "extra")
    for fname in ("csv-missing-column.csv", "csv-extra-column.csv"):
        for i, r in enumerate(pc[:5]):
            if i == 2:
                continue  # the damaged row: may be read or skipped
            exp.append(exp_row(exact, fname, i, FMT_PORTAL_CSV, r))
    text = ("# Made by make_files.py: do not edit by hand.  One line per record the reader "
            "must return, in file order.\n# Escapes in text: \\\\t \\\\n \\\\r \\\\\\\\; "
            "trailing spaces are kept.  entries: reason entry first, then activity entry.\n"
            "# Bad-input files (truncated.json, csv-*-column.csv): the records that must be "
            "read; index is the record's position in the file.\n")
    text += "\t".join(EXP_COLS) + "\n"
    text += "".join("\t".join(row) + "\n" for row in exp)
    return files, text


def documented_reasons(entries):
    """Every reason/detail string of the catalogue's audit entries."""
    out = []
    for e in entries:
        if e.get("kind") != "audit" or not e["id"].startswith("audit-reason-"):
            continue
        if e.get("name"):
            out.append((e["id"], e["name"]))
        for m in e.get("messages") or []:
            out.append((e["id"], m))
    return out


def coverage(files, exp_text):
    entries, exact = catalogue()
    page1, page2, pj, pc, la = records()
    seen = {r.reason for grp in (page1, page2, pj, pc, la) for r in grp}
    seen |= {u[4] for u in UES}
    bad = 0
    for eid, s in documented_reasons(entries):
        if s not in seen:
            print("coverage: %s %r occurs in no record" % (eid, s))
            bad += 1
    # the OnPremisesAgent values too
    agent = {val for grp in (page1, page2, pj, pc, la) for r in grp for k, val in r.details
             if k == "OnPremisesAgent"}
    for e in entries:
        if e["id"] == "audit-detail-onpremisesagent":
            for fct in e.get("facts") or []:
                if fct["value"] not in agent:
                    print("coverage: OnPremisesAgent value %r occurs in no record" % fct["value"])
                    bad += 1
    # and that the strings are in the files byte for byte (JSON escapes aside)
    blob = b"".join(files.values()).decode("utf-8", "replace")
    for eid, s in documented_reasons(entries):
        if s not in blob and json.dumps(s)[1:-1] not in blob:
            print("coverage: %s %r not found in the files' bytes" % (eid, s))
            bad += 1
    n = len(documented_reasons(entries))
    print("coverage: %d documented reason strings, %d missing" % (n, bad))
    return bad == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--coverage", action="store_true")
    a = ap.parse_args()
    files, exp = build()
    files["expected.tsv"] = exp.encode("utf-8")
    if a.coverage:
        return 0 if coverage(files, exp) else 1
    if a.check:
        bad = 0
        for name, data in sorted(files.items()):
            p = os.path.join(HERE, name)
            try:
                with open(p, "rb") as f:
                    old = f.read()
            except OSError:
                old = None
            if old != data:
                print("check: %s differs from what make_files.py builds" % name)
                bad += 1
        print("check: %d files, %d differ" % (len(files), bad))
        return 1 if bad else 0
    for name, data in sorted(files.items()):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    print("wrote %d files" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
