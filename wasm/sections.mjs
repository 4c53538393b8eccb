// Reading a WebAssembly module's binary form, as far as wasm/pack.mjs (which
// rewrites sspr-errors.wasm's data) and wasm/check_module.mjs (which checks
// what it wrote) need: LEB128 numbers, names, and the list of sections.
// Errors are thrown as Error with a short message.

export function reader(buf, pos = 0) {
  return {
    buf,
    pos,
    u8() {
      if (this.pos >= this.buf.length) throw new Error('truncated');
      return this.buf[this.pos++];
    },
    leb(signed = false) { // LEB128, up to 32 bits; signed for i32.const
      let v = 0, shift = 0, b;
      do {
        b = this.u8();
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      if (signed && b & 0x40) v -= 2 ** shift;
      return v;
    },
    bytes(n) {
      if (this.pos + n > this.buf.length) throw new Error('truncated');
      const out = this.buf.subarray(this.pos, this.pos + n);
      this.pos += n;
      return out;
    },
    name() {
      return new TextDecoder().decode(this.bytes(this.leb()));
    },
  };
}

// The module's sections in order: [{id, body}], body a view of bytes.
export function sections(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 8 || view.getUint32(0, true) !== 0x6d736100 || view.getUint32(4, true) !== 1)
    throw new Error('not a wasm module');
  const out = [];
  for (const r = reader(bytes, 8); r.pos < bytes.length;) {
    const id = r.u8();
    out.push({ id, body: r.bytes(r.leb()) });
  }
  return out;
}
