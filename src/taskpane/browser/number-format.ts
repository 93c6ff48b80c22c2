/**
 * A number as its cell's format shows it (65.70, 58.7%, 1,234.50): the common fixed,
 * thousands and percent codes; anything else as the number itself (General).
 */
export function showNumber(v: number, code: string | undefined): string {
  if (!code) return String(v);
  const first = code.split(";")[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "");
  const m = /^(#,##)?0(?:\.(0+))?(%?)$/.exec(first.trim());
  if (!m) return String(v);
  const decimals = m[2]?.length ?? 0;
  const x = m[3] ? v * 100 : v;
  let text = x.toFixed(decimals);
  if (m[1]) {
    const [int, frac] = text.split(".");
    text = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (frac !== undefined ? `.${frac}` : "");
  }
  return text + m[3]!;
}
