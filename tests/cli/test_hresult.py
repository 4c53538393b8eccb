#!/usr/bin/python3
"""End-to-end tests of HRESULT decoding and of the catalogue 1.1 additions in
the sspr-errors command line.

    test_hresult.py PATH-TO-sspr-errors

'lookup' of an HRESULT the catalogue has no entry for still prints its decoding
(exit 1); 'lookup' of one it has prints the entry with the decoding (exit 0);
'decode' prints the decoding as text or as one JSON object; the SSPR codes of
the current documentation are found in every written form; changed values show
both the current and the 2017 fact.
"""
import re
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from clitest import main, run, test  # noqa: E402


def expect(r, rc):
    assert r.rc == rc, "expected exit %d: %r" % (rc, r)
    return r


def contains(r, *needles):
    squashed = " ".join(r.out.split())  # text is wrapped at 80 columns
    for n in needles:
        assert n in squashed, "%r not in the output: %r" % (n, r)


# ---- lookup --------------------------------------------------------------------

@test
def lookup_of_an_hresult_without_entry_decodes_it_and_exits_1():
    r = expect(run("lookup", "0x80070005"), 1)
    contains(r, "0x80070005", "error", "facility 7 FACILITY_WIN32", "code 5",
             "ERROR_ACCESS_DENIED", "Access is denied.",
             "The catalogue has no entry for 0x80070005.")
    assert r.err == "", "the decoding says it all, stderr stays quiet: %r" % r
    for form in ["80070005", "hr=80070005", "-2147024891", "HRESULT: 0x80070005"]:
        r2 = expect(run("lookup", form), 1)
        assert r2.out == r.out, "lookup %r differs from lookup 0x80070005: %r" % (form, r2)


@test
def lookup_of_a_catalogue_hresult_shows_entry_and_decoding():
    r = expect(run("lookup", "0x800700CE"), 0)
    assert r.out.startswith("adsync-hr-800700ce"), r
    contains(r, "Connector account password is too long", "HRESULT decoded:",
             "0x800700CE: error, facility 7 FACILITY_WIN32, code 206 (0x00CE)",
             "Win32 error 206 ERROR_FILENAME_EXCED_RANGE: The filename or extension is too long.")


@test
def lookup_json_keeps_its_shape_and_points_to_decode():
    r = expect(run("lookup", "--json", "0x80070005"), 1)
    assert json.loads(r.out) == [], r
    assert "sspr-errors decode '0x80070005'" in r.err, r
    entries = json.loads(expect(run("lookup", "--json", "0x800700CE"), 0).out)
    assert isinstance(entries, list) and entries[0]["id"] == "adsync-hr-800700ce", entries
    assert "decoded" not in entries[0], "entry objects are unchanged"


@test
def lookup_mixes_decodings_and_entries():
    r = expect(run("lookup", "0x80070005", "31044"), 1)
    contains(r, "ERROR_ACCESS_DENIED", "prs-31044")
    assert "-" * 80 in r.out, "blocks are separated: %r" % r


# ---- decode ----------------------------------------------------------------------

@test
def decode_text():
    r = expect(run("decode", "hr=800700CE"), 0)
    contains(r, "0x800700CE: error, facility 7 FACILITY_WIN32", "ERROR_FILENAME_EXCED_RANGE",
             "Catalogue entries:", "adsync-hr-800700ce", "wb-connector-password-too-long")
    r = expect(run("decode", "0x80230619"), 0)
    contains(r, "facility 35 FACILITY_METADIRECTORY, code 1561 (0x0619)", "adsync-6329-80230619")
    r = expect(run("decode", "0x80070005"), 0)
    contains(r, "The catalogue has no entry for 0x80070005.")


@test
def decode_json():
    r = expect(run("decode", "--json", "0x800700CE"), 0)
    d = json.loads(r.out)
    assert d == {"hresult": "0x800700CE", "severity": "error", "facility": 7,
                 "facility_name": "FACILITY_WIN32", "code": 206,
                 "win32_name": "ERROR_FILENAME_EXCED_RANGE",
                 "message": "The filename or extension is too long.",
                 "entries": ["adsync-hr-800700ce", "wb-connector-password-too-long"]}, d
    d = json.loads(expect(run("decode", "--json", "0x80230402"), 0).out)
    assert d["facility_name"] == "FACILITY_METADIRECTORY" and d["code"] == 1026, d
    assert d["win32_name"] is None and d["message"] is None, d
    r = expect(run("decode", "--json", "0"), 2)  # a bare "0" is an event code, not an HRESULT
    assert r.out == "", r


@test
def decode_the_2017_misprint():
    r = expect(run("decode", "HR 8023042"), 0)
    contains(r, "0x08023042: success", "0x80230402", "adsync-hr-80230402")


@test
def decode_refuses_what_is_not_an_hresult():
    for bad in ["32009", "SSPR_0029", "0x123456789", "hr="]:
        r = expect(run("decode", bad), 2)
        assert "is not an HRESULT" in r.err and r.out == "", r
    expect(run("decode"), 2)
    expect(run("decode", "0x1", "0x2"), 2)


@test
def help_documents_decode_and_the_exit_status():
    r = expect(run("--help"), 0)
    contains(r, "decode HRESULT", "exits 1 but still prints its decoding")


# ---- the current documentation's codes ---------------------------------------------

@test
def sspr_codes_in_every_form():
    for args in [("SSPR_0029",), ("SSPR0029",), ("sspr_0029",), ("SSPR 29",),
                 ("OnPremisesAdminActionRequired",), ("29", "--source", "sspr"),
                 ("--source", "SSPR", "29")]:
        r = expect(run("lookup", *args), 0)
        assert r.out.startswith("sspr-0029  OnPremisesAdminActionRequired\n  SSPR_0029,"), r


@test
def every_code_of_the_facts_file_is_found():
    queries = {
        "SSPR_0009": "sspr-0009", "SSPR_0010": "sspr-0010", "SSPR_0011": "sspr-0011",
        "SSPR_0012": "sspr-0012", "SSPR_0013": "sspr-0013", "SSPR_0014": "sspr-0014",
        "SSPR_0029": "sspr-0029", "SSPR_0030": "sspr-0030",
        "OnPremisesSuccessCloudFailure": "sspr-onprem-success-cloud-failure",
        "31019": "prs-31019", "31034": "prs-31034", "31044": "prs-31044",
        "ServiceBusHeartBeat": "prs-31019", "ServiceBusListenerError": "prs-31034",
        "MMS(3040): admaexport.cpp(2837): The server doesn't contain the LDAP password policy "
        "control.": "adsync-6329-ldap-policy-control",
        "0x80230619": "adsync-6329-80230619", "0x8023061F": "adsync-6329-8023061f",
        "0x80230402": "adsync-hr-80230402", "0x800700CE": "adsync-hr-800700ce",
        "HR 8023042": "adsync-hr-80230402",
    }
    for q, id_ in queries.items():
        r = expect(run("lookup", q), 0)
        assert r.out.startswith(id_ + "\n") or r.out.startswith(id_ + " "), (q, r)
    ids = [e["id"] for e in json.loads(expect(run("lookup", "--json", "ADSync 6329"), 0).out)]
    assert "adsync-6329-ldap-policy-control" in ids, ids


@test
def changed_values_show_both_facts():
    r = expect(run("show", "adsync-hr-800700ce"), 0)
    contains(r, "max_connector_password_length_current = 256 characters (current; replaces "
                "max_connector_password_length = 127 characters)",
             "max_connector_password_length = 127 characters (2017; replaced by "
             "max_connector_password_length_current)")
    facts = {f["key"]: f for f in json.loads(expect(run("show", "--json", "prs-32002"), 0).out)[0]
             ["facts"]}
    cur = facts["servicebus_endpoint_current"]
    assert cur["value"] == "ssprdedicatedsbprodncu.servicebus.windows.net", cur
    assert cur["origin"] == "current" and cur["supersedes"] == "servicebus_endpoint", cur
    assert facts["servicebus_endpoint"]["origin"] == "2017", facts


@test
def new_text_stays_within_80_columns():
    ids = ["prs-31019", "prs-31034", "prs-31044", "adsync-6329-ldap-policy-control",
           "sspr-0029", "sspr-0030", "sspr-onprem-success-cloud-failure", "adsync-hr-800700ce",
           "adsync-6329-80230619", "wb-ma-access-denied", "prs-32002", "prs-33001"]
    too_wide = []
    for id_ in ids:
        for line in expect(run("show", id_), 0).out.splitlines():
            if len(line) > 80 and not re.match(r"^\s*https://\S+$", line):  # a reference URL
                too_wide.append("%s: %s" % (id_, line))
    for args in [("lookup", "0x80070005"), ("decode", "HR 8023042"), ("decode", "0x8007052E")]:
        for line in run(*args).out.splitlines():
            if len(line) > 80 and not line.startswith(("adsync-", "wb-")):  # list lines
                too_wide.append("%s: %s" % (" ".join(args), line))
    assert not too_wide, "lines over 80 columns:\n  " + "\n  ".join(too_wide)


if __name__ == "__main__":
    sys.exit(main(sys.argv, __doc__))
