/**
 * The offline page's build plugin: the inlined script cannot break out of its element, its
 * hash is the one CSP computes, and the policy lets nothing leave the page.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cspHash, inlineSafe, offlineCsp } = require("../../scripts/offline-html.cjs") as {
  cspHash: (code: string) => string;
  inlineSafe: (code: string) => string;
  offlineCsp: (scriptHash: string) => string;
};

describe("offline page plugin", () => {
  it("inlines a script that cannot end its element or open a comment, with the same meaning", () => {
    const code = 'var a="</script><script>alert(1)</script>",b=/<\\/SCRIPT>/i,c="<!--";';
    const safe = inlineSafe(code);
    expect(safe).not.toMatch(/<\/script/i);
    expect(safe).not.toContain("<!--");
    // Same strings and regular expression once evaluated.
    const run = (src: string) => new Function(`${src}; return [a, b.source, c];`)() as unknown[];
    expect(run(safe)).toEqual(run(code));
  });

  it("hashes as CSP does (sha256 of the exact text, base64)", () => {
    expect(cspHash("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it("allows only the page's own script and no connection at all", () => {
    const csp = offlineCsp("'sha256-abc='");
    expect(csp).toContain("script-src 'sha256-abc='");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("unsafe");
  });
});
