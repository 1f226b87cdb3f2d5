import { crc32 } from 'node:zlib';

/** One entry of a streamed archive: a name (folders with '/') and its bytes, read only when its turn comes. */
export interface ZipEntry {
  name: string;
  body: () => Promise<ReadableStream<Uint8Array> | Uint8Array>;
}

const enc = new TextEncoder();
/** bit 3: sizes and CRC follow the data (we stream); bit 11: names are UTF-8. */
const FLAGS = 0x0808;

function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((Math.max(at.getFullYear(), 1980) - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

function bytes(size: number, write: (v: DataView) => void): Uint8Array {
  const out = new Uint8Array(size);
  write(new DataView(out.buffer));
  return out;
}

/**
 * A ZIP archive (stored, not compressed: the files are PDFs, images and video already
 * compressed) written as a stream: each entry's bytes pass through once, its CRC counted on the
 * way, so memory stays at one chunk whatever the archive's size. Entries are opened one at a
 * time, when the reader asks for more. Archives up to 4 GiB (no ZIP64).
 */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, at: Date): ReadableStream<Uint8Array> {
  const { time, date } = dosTime(at);
  const central: Uint8Array[] = [];
  let offset = 0;
  let count = 0;

  async function* parts(): AsyncGenerator<Uint8Array> {
    for await (const entry of entries) {
      const name = enc.encode(entry.name);
      const start = offset;
      const header = bytes(30 + name.length, (v) => {
        v.setUint32(0, 0x04034b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, FLAGS, true);
        v.setUint16(8, 0, true);
        v.setUint16(10, time, true);
        v.setUint16(12, date, true);
        v.setUint16(26, name.length, true);
      });
      header.set(name, 30);
      offset += header.length;
      yield header;

      let crc = 0;
      let size = 0;
      const body = await entry.body();
      if (body instanceof Uint8Array) {
        crc = crc32(body);
        size = body.length;
        yield body;
      } else {
        for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
          crc = crc32(chunk, crc);
          size += chunk.length;
          yield chunk;
        }
      }
      offset += size;
      yield bytes(16, (v) => {
        v.setUint32(0, 0x08074b50, true);
        v.setUint32(4, crc, true);
        v.setUint32(8, size, true);
        v.setUint32(12, size, true);
      });
      offset += 16;

      const record = bytes(46 + name.length, (v) => {
        v.setUint32(0, 0x02014b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, 20, true);
        v.setUint16(8, FLAGS, true);
        v.setUint16(10, 0, true);
        v.setUint16(12, time, true);
        v.setUint16(14, date, true);
        v.setUint32(16, crc, true);
        v.setUint32(20, size, true);
        v.setUint32(24, size, true);
        v.setUint16(28, name.length, true);
        v.setUint32(42, start, true);
      });
      record.set(name, 46);
      central.push(record);
      count++;
    }
    const dirStart = offset;
    let dirSize = 0;
    for (const record of central) {
      dirSize += record.length;
      yield record;
    }
    yield bytes(22, (v) => {
      v.setUint32(0, 0x06054b50, true);
      v.setUint16(8, count, true);
      v.setUint16(10, count, true);
      v.setUint32(12, dirSize, true);
      v.setUint32(16, dirStart, true);
    });
  }

  const source = parts();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}
