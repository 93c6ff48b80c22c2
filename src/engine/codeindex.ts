/**
 * A string → index hash table over typed arrays (open addressing, FNV-1a), used for
 * 组织编码 lookups: a million codes without a million Map entries for the GC to trace.
 */
export class CodeIndex {
  private readonly keys: string[];
  private table: Int32Array;
  private mask: number;
  private count = 0;

  /** `keys` is the array the indices point into (shared, not copied). */
  constructor(keys: string[], capacity: number) {
    this.keys = keys;
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
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

  /** Record keys[index] (= key); returns the earlier index when the key is already present, else -1. */
  add(key: string, index: number): number {
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
