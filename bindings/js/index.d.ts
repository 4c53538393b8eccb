// sspr-errors: types. Every object has the keys of the `sspr-errors` tool's
// JSON output (sspr-errors(1), --json). Objects are frozen.

/** A value the documentation states (a limit, a port, a delay, a format). */
export interface Fact {
  key: string;
  /** A number, or a literal string; absent for a range (min and max). */
  value?: number | string;
  min?: number;
  max?: number;
  unit: string | null;
  text: string;
  origin: string;
  /** Key of the older fact of the same entry that this one replaces. */
  supersedes: string | null;
  url: string | null;
  date: string | null;
}

/** A code or HRESULT an entry quotes without being that event. */
export interface Mention {
  source: string | null;
  code: number | null;
  hresult: string | null;
}

/** A page or post an entry's content comes from. */
export interface Reference {
  url: string;
  date: string | null;
  title: string | null;
}

export type Kind = 'event' | 'symptom' | 'procedure' | 'checklist' | 'audit';
export type Severity = 'info' | 'warning' | 'error';
export type Confidence = 'high' | 'medium' | 'low';

/** One catalogue entry, as `sspr-errors show --json ID` prints it. */
export interface Entry {
  id: string;
  kind: Kind;
  source: string | null;
  code: number | null;
  name: string | null;
  aliases: readonly string[];
  /** "0x" and 8 upper-case hex digits. */
  hresults: readonly string[];
  severity: Severity;
  area: string;
  title: string;
  summary: string;
  messages: readonly string[];
  causes: readonly string[];
  steps: readonly string[];
  /** Entry ids. */
  procedures: readonly string[];
  /** Entry ids. */
  related: readonly string[];
  mentions: readonly Mention[];
  facts: readonly Fact[];
  /** Procedures: position in the recovery sequence (1 first); otherwise null. */
  order: number | null;
  section: string;
  origin: string;
  refs: readonly Reference[];
}

/** A lookup hit: the entry and how sure the match is (`lookup --json`). */
export interface LookupHit extends Entry {
  confidence: Confidence;
}

/** A search hit (`search --json`): higher scores are better, within one answer. */
export interface SearchHit {
  score: number;
  confidence: Confidence;
  entry: Entry;
}

export interface SearchOptions {
  /** At most this many hits (default 5); null or Infinity for every match. */
  limit?: number | null;
}

/** An HRESULT taken apart (`decode --json`). */
export interface Decoded {
  hresult: string;
  severity: 'error' | 'success';
  facility: number;
  facility_name: string | null;
  code: number;
  /** FACILITY_WIN32 only: the Win32 error's name and message, when known. */
  win32_name: string | null;
  message: string | null;
  /** Ids of the entries that are this HRESULT. */
  entries: string[];
}

/** A record of an event log or audit log (`scan --json --records`); null where it does not say. */
export interface ScanRecord {
  format: string;
  source: string | null;
  event_id: number | null;
  record_id: number | null;
  level: string | null;
  time: string | null;
  computer: string | null;
  tracking_id: string | null;
  user: string | null;
  operation: string | null;
  exception: string | null;
  hresults: string[];
  message: string | null;
  /** Ids of the entries the record names, best first. */
  entries: string[];
  activity: string | null;
  result: string | null;
  reason: string | null;
  correlation_id: string | null;
  initiator: string | null;
  details: string | null;
  /** With { lines: true }: the record's first and last line (1-based; 0 in an .evtx file). */
  line?: number;
  last_line?: number;
  /** With { lines: true }: how sure each of entries is. */
  confidence?: Confidence[];
}

/** An entry a record names, and the record's first line (sspr_scan_init). */
export interface ScanMatch {
  line: number;
  id: string;
}

/** What can be scanned: text, or the bytes of an export (UTF-8, UTF-16, .evtx). */
export type ScanInput = string | Uint8Array | ArrayBuffer | ArrayBufferView;

export interface ScanOptions {
  /** Add line, last_line and confidence to each record. */
  lines?: boolean;
}

export interface ScannerOptions extends ScanOptions {
  mode?: 'records' | 'matches';
}

/** A streaming scanner: feed() chunks of any size, then finish(); close() frees it. */
export declare class Scanner {
  constructor(options?: ScannerOptions);
  feed(data: ScanInput): Array<ScanRecord | ScanMatch>;
  finish(): Array<ScanRecord | ScanMatch>;
  /** A whole .evtx file, from memory. */
  evtx(data: Uint8Array | ArrayBuffer | ArrayBufferView): Array<ScanRecord | ScanMatch>;
  close(): void;
}

export type Text = string | Uint8Array;

/** The API over one instance of the module (create, createSync, init). */
export interface SsprErrors {
  version(): string;
  catalogVersion(): string;
  count(): number;
  at(i: number): Entry | null;
  entries(): Entry[];
  lookup(query: Text): LookupHit[];
  search(text: Text, options?: SearchOptions): SearchHit[];
  byId(id: Text): Entry | null;
  byName(name: Text): Entry | null;
  byCode(code: number, source?: string | null): Entry[];
  byHresult(hresult: number): Entry[];
  parseHresult(text: Text): number | null;
  decode(hresult: string | number): Decoded | null;
  scan(input: ScanInput, options?: ScanOptions): ScanRecord[];
  scanMatches(input: ScanInput): ScanMatch[];
  Scanner: typeof Scanner;
}

/** The C library's version, e.g. "1.1.0". */
export declare function version(): string;
/** The version of the catalogue compiled into it. */
export declare function catalogVersion(): string;
/** The number of entries. */
export declare function count(): number;
/** Entry number i in catalogue order, or null. */
export declare function at(i: number): Entry | null;
/** Every entry, in catalogue order. */
export declare function entries(): Entry[];
/** Everything that matches what a person pasted (codes, HRESULTs, ids, names, messages), best first. */
export declare function lookup(query: Text): LookupHit[];
/** Ranked free-text search, best first. */
export declare function search(text: Text, options?: SearchOptions): SearchHit[];
/** The entry with this id (any case), or null. */
export declare function byId(id: Text): Entry | null;
/** The entry with this name or alias (any case), or null. */
export declare function byName(name: Text): Entry | null;
/** Entries with this event code, those that are that event first; source limits it. */
export declare function byCode(code: number, source?: string | null): Entry[];
/** Entries with this HRESULT (0x80230619, or the signed -2145188327). */
export declare function byHresult(hresult: number): Entry[];
/** An HRESULT as decode reads it ("0x800700CE", "hr=800700CE", "-2147024690"), or null. */
export declare function parseHresult(text: Text): number | null;
/** What the bits of an HRESULT say, and its entries; null when it is not an HRESULT. */
export declare function decode(hresult: string | number): Decoded | null;
/** Every record of an export, as `scan --json --records` prints them. */
export declare function scan(input: ScanInput, options?: ScanOptions): ScanRecord[];
/** {line, id} for each entry a record of the export names. */
export declare function scanMatches(input: ScanInput): ScanMatch[];
/** Resolves to the API once the module is loaded (browsers: fetches it, or takes bytes, a URL or a Response). */
export declare function init(source?: Uint8Array | ArrayBuffer | WebAssembly.Module | Response | URL | string): Promise<SsprErrors>;
/** An API over a module given as bytes, a compiled module or a Response. */
export declare function create(source: Uint8Array | ArrayBuffer | WebAssembly.Module | Response): Promise<SsprErrors>;
/** The same, synchronously (Node; browsers compile small modules only this way). */
export declare function createSync(source: Uint8Array | ArrayBuffer | WebAssembly.Module): SsprErrors;

declare const api: SsprErrors;
export default api;
