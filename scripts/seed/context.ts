import type Database from 'better-sqlite3';
import { uuidv7Generator } from '../../src/shared/util/ids';

/** A small seeded PRNG (mulberry32): the same --seed gives the same shop every time. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof rng>;

export interface SeedContext {
  sqlite: Database.Database;
  rand: Rng;
  /** The history ends now and starts this many days earlier. */
  endMs: number;
  spanDays: number;
  tickets: number;
  shop: { id: string; code: string };
  users: { id: string; role: string }[];
  /** A UUIDv7 for a record created at `ms` (ids stay time-ordered like real ones). */
  idAt(ms: number): string;
  log(msg: string): void;
}

export function idFactory() {
  let t = 0;
  const gen = uuidv7Generator({ now: () => new Date(t) });
  return (ms: number) => {
    t = ms;
    return gen();
  };
}

/** One capability's part of the generated history; runs after the ones before it. */
export interface SeedStep {
  name: string;
  run(ctx: SeedContext): void | Promise<void>;
}
