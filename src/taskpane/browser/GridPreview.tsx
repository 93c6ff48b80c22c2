/**
 * A read-only preview of the open workbook: sheet tabs and the first rows and columns of
 * the chosen sheet (enough to see what was read and written); the cell a problem names is
 * highlighted and scrolled into view.
 */
import { makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { colLetter, parseAddr, type Grid } from "../../engine";
import type { WorkbookPort } from "../../host/port";
import { useT } from "../i18n";
import { showNumber } from "./number-format";

export const PREVIEW_ROWS = 200;
export const PREVIEW_COLS = 30;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  tabs: { flexWrap: "wrap" },
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "auto" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    zIndex: 1,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    textAlign: "right",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    whiteSpace: "nowrap",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  selected: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorPaletteYellowBackground2,
  },
});

export interface Selection {
  sheet: string;
  address: string;
}

function show(v: unknown, code?: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return showNumber(v, code);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

export function GridPreview({
  port,
  version,
  selected,
}: {
  port: WorkbookPort;
  /** Bumped whenever the workbook changed: the preview reads again. */
  version: number;
  selected: Selection | null;
}) {
  const t = useT();
  const s = useStyles();
  const [sheets, setSheets] = useState<string[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [grid, setGrid] = useState<Grid>([]);
  const [formats, setFormats] = useState<Record<string, string>>({});
  const target = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    if (selected) setActive(selected.sheet);
  }, [selected]);

  useEffect(() => {
    let live = true;
    void port.listSheets().then((names) => {
      if (!live) return;
      setSheets(names);
      setActive((a) => (a !== null && names.includes(a) ? a : (names[0] ?? null)));
    });
    return () => void (live = false);
  }, [port, version]);

  const want = selected && selected.sheet === active ? parseAddr(selected.address) : null;
  const rows = Math.max(PREVIEW_ROWS, want ? want.r + 20 : 0);
  useEffect(() => {
    if (active === null) return;
    let live = true;
    void port.readSheets([active], { rows }).then((g) => live && setGrid(g[active] ?? []));
    // Numbers as their formats show them (65.70, 58.7%), where the host knows formats.
    void (port.readNumberFormats?.(active, rows) ?? Promise.resolve({})).then((f) => live && setFormats(f));
    return () => void (live = false);
  }, [port, active, version, rows]);

  useEffect(() => {
    target.current?.scrollIntoView({ block: "center", inline: "center" });
  }, [grid, selected]);

  const width = grid.reduce((m, r) => Math.max(m, r.length), 0);
  const cols = Math.min(width, Math.max(PREVIEW_COLS, want ? want.c + 5 : 0));
  const shown = grid.slice(0, rows);
  return (
    <section className={s.root} aria-label={t("previewHeading")}>
      <Text weight="semibold">{t("previewHeading")}</Text>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={active ?? ""}
        onTabSelect={(_, d) => setActive(String(d.value))}
      >
        {sheets.map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <div className={s.scroller} data-testid="preview-grid">
        {shown.length === 0 ? (
          <Text size={200}>{t("previewEmpty")}</Text>
        ) : (
          <table className={s.table}>
            <thead>
              <tr>
                <th className={s.head} />
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} className={s.head} scope="col">
                    {colLetter(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, r) => (
                <tr key={r}>
                  <th className={s.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: cols }, (_, c) => {
                    const hit = want !== null && want.r === r && want.c === c;
                    return (
                      <td
                        key={c}
                        ref={hit ? target : undefined}
                        className={hit ? `${s.cell} ${s.selected}` : s.cell}
                        data-cell={`${colLetter(c)}${r + 1}`}
                        data-selected={hit ? "true" : undefined}
                        title={show(row[c], formats[`${colLetter(c)}${r + 1}`])}
                      >
                        {show(row[c], formats[`${colLetter(c)}${r + 1}`])}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {grid.length >= rows && <Text size={200}>{t("previewTruncated", { rows })}</Text>}
    </section>
  );
}
