// The unit records of the embedded store (in its text files: textFile.ts). A unit is stored with a
// checksum of its bytes, so a damaged record is found when the unit is read rather than shown as a
// paragraph.

const NO_LABEL = 0xffffffff;

/** FNV-1a, 32 bits, of bytes. */
function checksum(bytes: Uint8Array, from: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** [checksum][label length, or NO_LABEL][label][text], UTF-8. */
export function encodeUnit(label: string | undefined, text: string): Buffer {
  const labelBytes = label === undefined ? 0 : Buffer.byteLength(label, 'utf8');
  const textBytes = Buffer.byteLength(text, 'utf8');
  const out = Buffer.allocUnsafe(8 + labelBytes + textBytes);
  out.writeUInt32LE(label === undefined ? NO_LABEL : labelBytes, 4);
  if (label !== undefined) out.write(label, 8, 'utf8');
  out.write(text, 8 + labelBytes, 'utf8');
  out.writeUInt32LE(checksum(out, 4), 0);
  return out;
}

/** Throws when the record does not hold together (the caller treats the store as corrupt). */
export function decodeUnit(bytes: Uint8Array, unit: number): { label: string | undefined; text: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.length < 8 || buffer.readUInt32LE(0) !== checksum(buffer, 4)) throw new StoreRecordError(`unit ${unit} fails its checksum`);
  const labelLength = buffer.readUInt32LE(4);
  const label = labelLength === NO_LABEL ? undefined : buffer.toString('utf8', 8, 8 + labelLength);
  const textStart = 8 + (labelLength === NO_LABEL ? 0 : labelLength);
  if (textStart > buffer.length) throw new StoreRecordError(`unit ${unit} is cut short`);
  return { label, text: buffer.toString('utf8', textStart) };
}

export class StoreRecordError extends Error {
  override name = 'StoreRecordError';
}
