/**
 * Per-branch arrays of the pipeline.
 *
 * They are plain JS arrays (V8 keeps them as unboxed Smi/double arrays on the heap), not
 * typed arrays: a typed array's memory lives outside the JS heap, and once more than 64 MB
 * of it has been allocated since the last full collection V8 forces a full mark of the
 * heap — which, with a million-row grid from range.values in that heap, costs more than
 * the whole grading (measured: 1.7 s of 6 s at 1,048,575 branches). Small or short-lived
 * scratch arrays stay typed.
 */

/** A readable and writable array of numbers: number[] or any typed array. */
export interface Nums {
  [i: number]: number;
  readonly length: number;
}

/** A new array of n copies of v. */
export function filled(n: number, v: number): number[] {
  return new Array<number>(n).fill(v);
}
