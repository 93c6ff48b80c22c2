/**
 * A string → index hash table over typed arrays (open addressing, FNV-1a), used for
 * 组织编码 lookups: a million codes without a million Map entries for the GC to trace.
 *
 * While keys arrive in strictly increasing order (code units, as `>` compares them) they
 * are necessarily distinct, so `add` only compares with the previous key; the table is
 * built from `keys` the first time a key is out of order or `get` is called.
 */
export class CodeIndex {
  private readonly keys: string[];
  private readonly capacity: number;
  private table: Int32Array = new Int32Array(0);
  private mask = 0;
  private count = 0;
  /** The last key added while every key so far was in increasing order; null once the table is built. */
  private last: string | null = "";
  private ordered = 0;

  /** `keys` is the array the indices point into (shared, not copied). */
  constructor(keys: string[], capacity: number) {
    this.keys = keys;
    this.capacity = capacity;
  }

  /** Index every key added so far (they are keys[0 .. ordered - 1], all distinct). */
  private build(): void {
    let size = 16;
    while (size < this.capacity * 2) size *= 2;
    while (size < (this.ordered + 1) * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.last = null;
    const m = this.mask;
    for (let i = 0; i < this.ordered; i++) {
      let j = CodeIndex.hash(this.keys[i]!) & m;
      while (this.table[j]! >= 0) j = (j + 1) & m;
      this.table[j] = i;
    }
    this.count = this.ordered;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /** Index of `key`, or -1. */
  get(key: string): number {
    if (this.last !== null) this.build();
    const t = this.table;
    const m = this.mask;
    let j = CodeIndex.hash(key) & m;
    for (;;) {
      const i = t[j]!;
      if (i < 0) return -1;
      if (this.keys[i] === key) return i;
      j = (j + 1) & m;
    }
  }

  /**
   * Record keys[index] (= key; the caller stores it there before the next call); returns the
   * earlier index when the key is already present, else -1.
   */
  add(key: string, index: number): number {
    const last = this.last;
    if (last !== null) {
      // Increasing so far (indices 0, 1, 2, …): a key above the previous one is new.
      if (index === this.ordered && (index === 0 || key > last)) {
        this.last = key;
        this.ordered++;
        return -1;
      }
      this.build();
    }
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    const t = this.table;
    const m = this.mask;
    let j = CodeIndex.hash(key) & m;
    for (;;) {
      const i = t[j]!;
      if (i < 0) {
        t[j] = index;
        this.count++;
        return -1;
      }
      if (this.keys[i] === key) return i;
      j = (j + 1) & m;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.table.length - 1;
    for (let j = 0; j < old.length; j++) {
      const i = old[j]!;
      if (i < 0) continue;
      let k = CodeIndex.hash(this.keys[i]!) & this.mask;
      while (this.table[k]! >= 0) k = (k + 1) & this.mask;
      this.table[k] = i;
    }
  }
}
