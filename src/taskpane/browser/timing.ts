/** The pane's first render, for the e2e suite's measurement (performance.now() since navigation start). */
declare global {
  interface Window {
    __paneFirstRender?: number;
  }
}

export function markFirstRender(): void {
  if (typeof window !== "undefined" && window.__paneFirstRender === undefined) {
    window.__paneFirstRender = performance.now();
  }
}
