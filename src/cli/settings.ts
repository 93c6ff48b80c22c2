/** The 设置 reading consolidate needs: the engine's reader, with its problems as one-line texts. */
import { Problems, readSettings, type Grid, type Settings } from "../engine";

/** The 设置 sheet read by the engine; problems as one-line texts. */
export function readSettingsFrom(grid: Grid | undefined): Settings & { problems: string[] } {
  const problems = new Problems();
  const settings = readSettings(grid, problems);
  return { ...settings, problems: problems.sorted().map((p) => `${p.sheet}!${p.cell} ${p.message}`) };
}
