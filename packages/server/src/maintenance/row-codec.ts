/**
 * Row values as JSON, the same for both dialects: strings, numbers and null as themselves;
 * bytes, big integers and dates as tagged objects so they come back as what they were.
 */
export type EncodedValue = string | number | boolean | null | { $base64: string } | { $bigint: string } | { $date: string };

export function encodeValue(value: unknown, where: string): EncodedValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where}: cannot back up the number ${value}`);
    return value;
  }
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return { $date: value.toISOString() };
  throw new Error(`${where}: cannot back up a value of type ${Object.prototype.toString.call(value)}`);
}

export function decodeValue(value: EncodedValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if ('$base64' in value) return Buffer.from(value.$base64, 'base64');
  if ('$bigint' in value) return BigInt(value.$bigint);
  if ('$date' in value) return new Date(value.$date);
  throw new Error(`unknown value ${JSON.stringify(value)}`);
}
