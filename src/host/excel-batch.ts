/**
 * One Excel.run's request queue with a byte budget: work is queued until the next piece
 * would push the request over the budget, then synced. While writing, each request is
 * preceded by suspending calculation and screen updating (where the requirement sets
 * allow), since both last only until the next sync.
 */

/** What the host may use, from Office.context.requirements (checked once per port). */
export interface ExcelCaps {
  /** ExcelApi 1.4: Workbook.settings. */
  settings: boolean;
  /** ExcelApi 1.6: suspendApiCalculationUntilNextSync, conditional formats. */
  suspendCalculation: boolean;
  conditionalFormats: boolean;
  /** ExcelApi 1.7: freeze panes. */
  freezePanes: boolean;
  /** ExcelApi 1.8: data validation (dropdowns, header prompts). */
  dataValidation: boolean;
  /** ExcelApi 1.9: suspendScreenUpdatingUntilNextSync, page layout. */
  suspendScreen: boolean;
  pageLayout: boolean;
  /** ExcelApi 1.12: Range.getSpillingToRangeOrNullObject (dynamic arrays). */
  spill: boolean;
  /** ExcelApi 1.18: cell notes. */
  notes: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectCaps(isSetSupported: IsSetSupported): ExcelCaps {
  const api = (v: string) => isSetSupported("ExcelApi", v);
  return {
    settings: api("1.4"),
    suspendCalculation: api("1.6"),
    conditionalFormats: api("1.6"),
    freezePanes: api("1.7"),
    dataValidation: api("1.8"),
    suspendScreen: api("1.9"),
    pageLayout: api("1.9"),
    spill: api("1.12"),
    notes: api("1.18"),
  };
}

export interface Limits {
  /** Target size of one request's payload in bytes; Excel on the web refuses 5 MB. */
  requestBytes: number;
  /** Estimated bytes per cell of a read (responses are limited like requests). */
  readCellBytes: number;
}

export const DEFAULT_LIMITS: Limits = { requestBytes: 3_500_000, readCellBytes: 24 };

/** Counters for tests and the bench: how the work was cut. */
export interface BatchStats {
  syncs: number;
  /** Value chunks written or read (a sheet that fits in one request is one chunk). */
  chunks: number;
}

export class Batch {
  private bytes = 0;
  private queued = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly caps: ExcelCaps,
    readonly budget: number,
    private readonly writing: boolean,
    readonly stats: BatchStats = { syncs: 0, chunks: 0 },
  ) {}

  /** Payload bytes queued in the open request. */
  get used(): number {
    return this.bytes;
  }

  /** Would `bytes` more fit in the open request? (Always, when nothing is queued yet.) */
  fits(bytes: number): boolean {
    return !this.queued || this.bytes + bytes <= this.budget;
  }

  /** Start a request if none is open (queuing the suspensions first), and count `bytes` into it. */
  open(bytes = 0): void {
    if (!this.queued) this.begin();
    this.bytes += bytes;
  }

  /** Sync what is queued, if anything. */
  async sync(): Promise<void> {
    if (!this.queued) return;
    try {
      await this.context.sync();
    } finally {
      // A refused request is a request too; either way the queue is gone.
      this.stats.syncs++;
      this.bytes = 0;
      this.queued = false;
    }
  }

  private begin(): void {
    this.queued = true;
    if (!this.writing) return;
    if (this.caps.suspendCalculation) this.context.application.suspendApiCalculationUntilNextSync();
    if (this.caps.suspendScreen) this.context.application.suspendScreenUpdatingUntilNextSync();
  }
}

/** The code of an office-js error (OfficeExtension.Error), or undefined. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;
}

export function isPayloadTooLarge(e: unknown): boolean {
  const c = errorCode(e);
  return (
    c === "RequestPayloadSizeLimitExceeded" ||
    c === "ResponsePayloadSizeLimitExceeded" ||
    c === "PayloadTooLarge"
  );
}
