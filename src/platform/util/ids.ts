/**
 * Time-ordered unique ids (UUIDv7 layout: 48-bit millisecond time, version, 74 random bits),
 * written with a prefix that names what they identify, e.g. `sub_0193…`.
 * Time order keeps inserts at the end of the index; randomness makes ids unguessable and never reused.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ms = now.getTime();
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return `${prefix}_${hex}`;
}
