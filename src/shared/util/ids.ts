/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits, so ids sort by
 * creation time and index well. Within one millisecond a counter in rand_a keeps
 * ids from one generator strictly increasing.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type IdGenerator = () => string;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7Generator(
  clock: Clock,
  random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b),
): IdGenerator {
  let lastMs = -1;
  let seq = 0;
  return () => {
    let ms = clock.now().getTime();
    if (ms <= lastMs) {
      // Same or backwards clock: keep order by bumping the 12-bit counter (and the ms if it overflows).
      seq++;
      if (seq > 0xfff) {
        lastMs++;
        seq = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      seq = 0;
    }
    const b = random(new Uint8Array(16));
    b[0] = Math.floor(ms / 2 ** 40) & 0xff;
    b[1] = Math.floor(ms / 2 ** 32) & 0xff;
    b[2] = (ms >>> 24) & 0xff;
    b[3] = (ms >>> 16) & 0xff;
    b[4] = (ms >>> 8) & 0xff;
    b[5] = ms & 0xff;
    b[6] = 0x70 | ((seq >>> 8) & 0x0f);
    b[7] = seq & 0xff;
    b[8] = 0x80 | (b[8]! & 0x3f);
    const h = Array.from(b, (x) => HEX[x]!).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
