package sspr.errors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalLong;
import org.junit.Test;

/** The Java API over the C library: lookups, entries, fields, errors, scanning. */
public class ApiTest {
    @Test
    public void versions() {
        String want = System.getenv("SSPR_ERRORS_PROJECT_VERSION");
        if (want != null) {
            assertEquals(want, SsprErrors.version());
        }
        assertEquals(Codes.CATALOG_VERSION, SsprErrors.catalogVersion());
    }

    @Test
    public void lookupForms() {
        List<Entry> hits = SsprErrors.lookup("32009");
        assertEquals("prs-32009", hits.get(0).id());
        String want = VectorsTest.ids(SsprErrors.lookup("0x800700CE"));
        for (String form : new String[] {"hr=800700CE", "800700ce", "-2147024690", "HR 800700CE"}) {
            assertEquals(form, want, VectorsTest.ids(SsprErrors.lookup(form)));
        }
        assertTrue(SsprErrors.lookup("no such error anywhere").isEmpty());
        List<SsprErrors.Hit> results = SsprErrors.lookupResults("32009");
        assertEquals(hits.get(0), results.get(0).entry());
        assertEquals(SsprErrors.Confidence.HIGH, results.get(0).confidence());
        assertThrows(UnsupportedOperationException.class, () -> hits.add(hits.get(0)));
    }

    @Test
    public void badArguments() {
        assertThrows(NullPointerException.class, () -> SsprErrors.lookup(null));
        assertThrows(IllegalArgumentException.class, () -> SsprErrors.lookup("320\u000009"));
        assertThrows(IllegalArgumentException.class, () -> SsprErrors.byId("prs\u0000"));
        assertThrows(IllegalArgumentException.class, () -> SsprErrors.search("x", -1));
        assertThrows(IllegalArgumentException.class, () -> SsprErrors.byCode(null, -1));
        assertThrows(IllegalArgumentException.class, () -> SsprErrors.byCode(null, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> SsprErrors.parseHResult("not one"));
        assertThrows(IndexOutOfBoundsException.class, () -> new Scanner().feed(new byte[2], 1, 2));
        Scanner s = new Scanner();
        s.close();
        assertThrows(IllegalStateException.class, s::finish);
        assertFalse(SsprErrors.byId("no-such-id").isPresent());
    }

    @Test
    public void entryFields() {
        Entry e = SsprErrors.byId("PRS-32009").orElseThrow();
        assertEquals("prs-32009", e.id());
        assertEquals(SsprErrors.Kind.EVENT, e.kind());
        assertEquals(SsprErrors.Severity.ERROR, e.severity());
        assertEquals("PasswordResetService", e.source());
        assertEquals(OptionalLong.of(32009), e.code());
        assertEquals("AuthTokenError", e.name());
        assertEquals("writeback", e.area());
        assertEquals(List.of("Error getting auth token"), e.messages());
        assertTrue(e.toString().startsWith("prs-32009: ") && !e.summary().isEmpty() && !e.steps().isEmpty());
        assertEquals(e, SsprErrors.byName("authtokenerror").orElseThrow());
        assertEquals(e.hashCode(), SsprErrors.byName("AuthTokenError").orElseThrow().hashCode());
        Entry p = SsprErrors.byId("proc-restart-sync-service").orElseThrow();
        assertEquals(SsprErrors.Kind.PROCEDURE, p.kind());
        assertEquals(1, p.order());
        assertFalse(p.code().isPresent());
        List<Entry> all = SsprErrors.entries();
        assertEquals(SsprErrors.count(), all.size());
        assertEquals(Codes.ENTRY_IDS, all.stream().map(Entry::id).toList());
    }

    @Test
    public void listsAndFacts() {
        Entry e = SsprErrors.byId("adsync-hr-800700ce").orElseThrow();
        assertEquals(List.of(Codes.HResult.HR_800700CE), e.hresults());
        Fact f = e.fact("max_connector_password_length").orElseThrow();
        assertTrue(f.isNumber());
        assertEquals(127.0, f.min(), 0);
        assertEquals(127.0, f.max(), 0);
        assertEquals("characters", f.unit());
        assertFalse(f.text().isEmpty());
        assertFalse(e.fact("no_such_fact").isPresent());
        int facts = 0, related = 0, mentions = 0, refs = 0, procs = 0, aliases = 0;
        for (Entry x : SsprErrors.entries()) {
            facts += x.facts().size();
            related += x.related().size();
            mentions += x.mentions().size();
            refs += x.references().size();
            procs += x.procedures().size();
            aliases += x.aliases().size();
            for (SsprErrors.Reference r : x.references()) {
                assertTrue(x.id(), r.url().startsWith("https://"));
            }
            for (SsprErrors.Mention m : x.mentions()) {
                assertTrue(x.id(), m.code().isPresent() || m.hresult() != 0);
            }
        }
        assertTrue(facts > 0 && related > 0 && mentions > 0 && refs > 0 && procs > 0 && aliases > 0);
    }

    @Test
    public void codes() {
        assertEquals("prs-32009", SsprErrors.byCode(Codes.Event.SOURCE, Codes.Event.AUTH_TOKEN_ERROR).get(0).id());
        assertEquals(Codes.Event.AD_MUTLI_MATCH_ERROR, Codes.Event.AD_MULTI_MATCH_ERROR);
        assertEquals("AD_MUTLI_MATCH_ERROR", Codes.Event.name(Codes.Event.AD_MULTI_MATCH_ERROR));
        assertNull(Codes.Event.name(1));
        assertEquals("EVENT_6329", Codes.AdSync.name(6329));
        assertFalse(SsprErrors.byCode(null, 6329).isEmpty());
        assertEquals("adsync-6329-80230619", SsprErrors.byHResult(Codes.HResult.HR_80230619).get(0).id());
        for (Entry x : SsprErrors.entries()) {
            if ("PasswordResetService".equals(x.source()) && x.code().isPresent()) {
                assertTrue(x.id(), Codes.Event.name((int) x.code().getAsLong()) != null);
            }
        }
    }

    @Test
    public void searchAndDecode() {
        List<SsprErrors.Hit> hits = SsprErrors.search("the text message with the code never arrives", 0);
        assertTrue(hits.size() > 5);
        assertTrue(hits.stream().anyMatch(h -> h.entry().id().equals("reset-no-sms-or-call")));
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i).score() <= hits.get(i - 1).score());
            assertTrue(hits.get(i).confidence() != SsprErrors.Confidence.NONE);
        }
        assertEquals(5, SsprErrors.search("the text message with the code never arrives", 5).size());
        int hr = SsprErrors.parseHResult("hr=800700CE");
        assertEquals(0x800700CE, hr);
        SsprErrors.HResultInfo d = SsprErrors.decodeHResult(hr);
        assertTrue(d.failure());
        assertEquals(7, d.facility());
        assertEquals("FACILITY_WIN32", d.facilityName());
        assertEquals(206, d.code());
        assertEquals("ERROR_FILENAME_EXCED_RANGE", d.win32Name());
        assertFalse(d.win32Message().isEmpty());
        assertEquals(35, SsprErrors.decodeHResult(0x80230619).facility());
        assertNull(SsprErrors.decodeHResult(0x80230619).win32Name());
    }

    @Test
    public void scanRecords() throws IOException {
        byte[] log = "14:02 PasswordResetService: Error getting auth token\nall quiet\nhr=800700CE\n"
                .getBytes(StandardCharsets.UTF_8);
        List<ScanRecord> records = SsprErrors.scan(new ByteArrayInputStream(log));
        assertEquals(2, records.size());
        ScanRecord r = records.get(0);
        assertEquals(1, r.line());
        assertEquals(1, r.lastLine());
        assertEquals("prs-32009", r.entries().get(0).entry().id());
        assertTrue(r.entries().get(0).confidence() != SsprErrors.Confidence.NONE);
        assertEquals(3, records.get(1).line());
        assertEquals(List.of(0x800700CE), records.get(1).hresults());
        assertNull(records.get(1).text(ScanRecord.Field.HRESULTS));
        assertEquals(2, SsprErrors.scan(log).size());
        assertTrue(SsprErrors.scan(new byte[0]).isEmpty());
        ScanRecord v = SsprErrors.scan(Files.readAllBytes(VectorsTest.vectors().getParent().resolve("scan/viewer.txt")))
                .get(0);
        assertEquals("PasswordResetService", v.source());
        assertEquals(OptionalLong.of(32009), v.eventId());
        assertEquals("event-viewer-text", v.format());
        assertEquals("error", v.text(ScanRecord.Field.LEVEL));
    }
}
