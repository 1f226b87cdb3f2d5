/**
 * A small streaming tokenizer for the XML of a workbook's parts: start and end tags with their
 * attributes, and text. Input arrives in pieces; what it keeps between pieces is at most one
 * unfinished tag (refused past MAX_TAG characters) or one unfinished entity, so its memory does
 * not grow with the document. Namespace prefixes are dropped (`x:c` is `c`). A document type
 * declaration is refused: a workbook never has one, and refusing it rules out entity expansion.
 */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

export class XmlMalformed extends Error {
  constructor(reason: string) {
    super(`xml: ${reason}`);
  }
}

/** Longer than any tag a spreadsheet writer produces. */
const MAX_TAG = 64 * 1024;

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Replaces the five predefined entities and character references; any other `&` is malformed. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_whole: string, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named]!;
    if (dec === undefined && hex === undefined) throw new XmlMalformed('unknown entity');
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (code > 0x10ffff) throw new XmlMalformed('character reference out of range');
    return String.fromCodePoint(code);
  });
}

export class XmlTokenizer {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of the document. */
  write(piece: string): void {
    const buf = this.pending + piece;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text up to an entity that may continue in the next piece.
        const amp = buf.lastIndexOf('&');
        const cut = amp >= pos && buf.indexOf(';', amp) < 0 ? amp : buf.length;
        if (buf.length - cut > 16) throw new XmlMalformed('unterminated entity');
        this.emitText(buf.slice(pos, cut));
        this.pending = buf.slice(cut);
        return;
      }
      if (lt > pos) this.emitText(buf.slice(pos, lt));
      pos = lt;
      const next = this.markup(buf, pos);
      if (next < 0) {
        if (buf.length - pos > MAX_TAG) throw new XmlMalformed('tag too long');
        this.pending = buf.slice(pos);
        return;
      }
      pos = next;
    }
  }

  /** The end of the document: nothing may be left unfinished. */
  end(): void {
    if (this.pending.trim() !== '') throw new XmlMalformed('unexpected end of document');
    this.pending = '';
  }

  private emitText(raw: string): void {
    if (raw !== '') this.handler.text(decodeEntities(raw));
  }

  /** Handles the markup at `pos`; answers where it ends, or -1 when it continues in the next piece. */
  private markup(buf: string, pos: number): number {
    const second = buf[pos + 1];
    if (second === undefined) return -1;
    if (second === '?') return this.skipTo(buf, pos, '?>');
    if (second === '!') {
      if (buf.length - pos < 9) return -1;
      if (buf.startsWith('<!--', pos)) return this.skipTo(buf, pos, '-->');
      if (buf.startsWith('<![CDATA[', pos)) {
        const close = buf.indexOf(']]>', pos + 9);
        if (close < 0) return -1;
        this.handler.text(buf.slice(pos + 9, close));
        return close + 3;
      }
      throw new XmlMalformed('document type declarations are not allowed');
    }
    TAG.lastIndex = pos;
    const match = TAG.exec(buf);
    if (!match) {
      const gt = buf.indexOf('>', pos);
      // A complete-looking tag that does not match is malformed; otherwise wait for more.
      if (gt >= 0 && !/["']/.test(buf.slice(pos, gt))) throw new XmlMalformed('malformed tag');
      return -1;
    }
    const [, slash, rawName, rawAttributes, selfClosing] = match;
    const name = localName(rawName!);
    if (slash) {
      if (rawAttributes || selfClosing) throw new XmlMalformed('malformed end tag');
      this.handler.close(name);
    } else {
      const attributes: Record<string, string> = {};
      if (rawAttributes) {
        for (const a of rawAttributes.matchAll(ATTRIBUTE)) attributes[localName(a[1]!)] = decodeEntities(a[2] ?? a[3] ?? '');
      }
      this.handler.open(name, attributes, selfClosing === '/');
      if (selfClosing === '/') this.handler.close(name);
    }
    return TAG.lastIndex;
  }

  private skipTo(buf: string, pos: number, terminator: string): number {
    const close = buf.indexOf(terminator, pos + 2);
    return close < 0 ? -1 : close + terminator.length;
  }
}
