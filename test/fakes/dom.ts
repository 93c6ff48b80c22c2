/** What Fluent UI v9 expects from a browser and jsdom lacks. Call at the top of a jsdom test file. */
export function installDomPolyfills(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  if (!("ResizeObserver" in window)) {
    class NoResize {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { value: NoResize, writable: true });
  }
}
