/** Problems grouped by sheet, in the pane's language; clicking one selects its cell in Excel. */
import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { problemText, type Problem } from "../../engine";
import { useT } from "../i18n";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalS,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXXS },
  link: { textAlign: "left", verticalAlign: "top" },
});

export function groupBySheet(problems: Problem[]): [string, Problem[]][] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const g = groups.get(p.sheet);
    if (g) g.push(p);
    else groups.set(p.sheet, [p]);
  }
  return [...groups.entries()];
}

export function ProblemList({ problems, onSelect }: { problems: Problem[]; onSelect: (p: Problem) => void }) {
  const t = useT();
  const s = useStyles();
  return (
    <div>
      {groupBySheet(problems).map(([sheet, ps]) => (
        <section key={sheet} className={s.group} aria-label={sheet}>
          <Text weight="semibold">
            {sheet}（{ps.length}）
          </Text>
          <ol className={s.list}>
            {ps.map((p, i) => (
              <li key={`${p.cell}-${i}`} className={s.item}>
                <Link
                  as="button"
                  className={s.link}
                  onClick={() => onSelect(p)}
                  title={t("problemGoTo", { sheet: p.sheet, cell: p.cell || t("wholeSheet") })}
                >
                  {p.cell ? `${p.cell}：` : ""}
                  {problemText(p, t.lang)}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
