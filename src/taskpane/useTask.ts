/**
 * Run one piece of long work for a step: busy flag, progress, and the error shown to the
 * user. Every failure ends in `error` (never swallowed); the caller's `run` resolves to
 * undefined then, so the step can stop.
 */
import { useCallback, useRef, useState } from "react";
import { describeError, type ShownError } from "./errors";
import { useT } from "./i18n";

export interface Progress {
  done: number;
  total: number;
}

export interface TaskState {
  busy: boolean;
  progress: Progress | null;
  error: ShownError | null;
}

export type Report = (done: number, total: number) => void;

export function useTask(): {
  state: TaskState;
  run: <T>(work: (report: Report) => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
} {
  const t = useT();
  const [state, setState] = useState<TaskState>({ busy: false, progress: null, error: null });
  const running = useRef(false);
  const run = useCallback(
    async <T>(work: (report: Report) => Promise<T>): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setState({ busy: true, progress: null, error: null });
      const report: Report = (done, total) => setState((s) => ({ ...s, progress: { done, total } }));
      try {
        const value = await work(report);
        setState({ busy: false, progress: null, error: null });
        return value;
      } catch (e) {
        setState({ busy: false, progress: null, error: describeError(e, t) });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [t],
  );
  const clearError = useCallback(() => setState((s) => ({ ...s, error: null })), []);
  return { state, run, clearError };
}
