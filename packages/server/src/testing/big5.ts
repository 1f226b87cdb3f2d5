/** Test input in the encoding older Taiwanese school systems and Excel save CSV in. */

let big5Table: Map<string, number[]> | null = null;

/**
 * Encodes text as Big5 with a table built by decoding every two-byte Big5 code (standard
 * lead bytes A1–F9 first, so each character gets its common code). Tests check the table
 * against known bytes (中文 = A4 A4 A4 E5) before trusting it.
 */
export function encodeBig5(text: string): Uint8Array {
  if (!big5Table) {
    big5Table = new Map();
    const decoder = new TextDecoder('big5');
    const leads = [...Array.from({ length: 0xf9 - 0xa1 + 1 }, (_, i) => 0xa1 + i), ...Array.from({ length: 0xa1 - 0x81 }, (_, i) => 0x81 + i)];
    for (const lead of leads) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail > 0x7e && trail < 0xa1) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if ([...ch].length === 1 && ch !== '\uFFFD' && !big5Table.has(ch)) big5Table.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = big5Table.get(ch);
      if (!bytes) throw new Error(`no Big5 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
