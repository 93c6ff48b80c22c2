/**
 * Step 台账: the records at a glance — per 上级党组织 the 销号率 and 督办, the members in red
 * and yellow per branch, the branches behind on 三会一课. Every row selects its input cell.
 */
import {
  Badge,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { CellRef } from "../../engine";
import { actualSheetName } from "../../host/inputs";
import { useT } from "../i18n";
import { addRecordSheets, loadLedger, type LedgerOutcome } from "../ledger";
import { useTask } from "../useTask";
import { ProblemList } from "./ProblemList";
import { TaskStatus } from "./TaskStatus";
import { STEP_STYLE, type StepProps } from "./common";

const useStyles = makeStyles({
  step: STEP_STYLE,
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: "left",
    verticalAlign: "top",
  },
  link: { textAlign: "left" },
});

/** Long lists show their first rows until 显示全部 is clicked (hundreds of branches). */
const FIRST_ROWS = 10;

const LETTER_COLOR = { 约谈单: "danger", 通报批评单: "warning", 整改意见单: "informative" } as const;

export function LedgerStep({ port, mapping, refresh }: StepProps) {
  const t = useT();
  const s = useStyles();
  const task = useTask();
  const select = useTask();
  const [outcome, setOutcome] = useState<LedgerOutcome | null>(null);
  const [added, setAdded] = useState<string[] | null>(null);
  const [all, setAll] = useState<Record<string, boolean>>({});
  const cap = <T,>(key: string, list: T[]): T[] => (all[key] ? list : list.slice(0, FIRST_ROWS));
  const more = (key: string, n: number) =>
    n > FIRST_ROWS && !all[key] ? (
      <Link as="button" onClick={() => setAll((a) => ({ ...a, [key]: true }))}>
        {t("ledgerShowAll", { count: n })}
      </Link>
    ) : null;

  const run = task.run;
  const load = useCallback(
    () => run(async () => setOutcome(await loadLedger(port, mapping, refresh))),
    [run, port, mapping, refresh],
  );
  useEffect(() => void load(), [load]);

  const states = outcome && outcome.kind !== "none" ? outcome.states : [];
  const go = (at: CellRef) =>
    void select.run(() => port.selectCell(actualSheetName(states, at.sheet), at.cell));
  const row = (at: CellRef, label: string) => (
    <Link
      as="button"
      className={s.link}
      onClick={() => go(at)}
      title={t("problemGoTo", { sheet: at.sheet, cell: at.cell })}
    >
      {label}
    </Link>
  );
  const add = () =>
    task.run(async () => {
      setAdded(await addRecordSheets(port));
      setOutcome(await loadLedger(port, mapping, refresh));
    });

  return (
    <div className={s.step}>
      <Text>{t("ledgerIntro")}</Text>
      <div>
        <Button appearance="primary" onClick={() => void load()} disabled={task.state.busy}>
          {t("ledgerRefresh")}
        </Button>{" "}
        {port.createTemplate && (
          <Button onClick={() => void add()} disabled={task.state.busy}>
            {t("ledgerAddSheets")}
          </Button>
        )}
      </div>
      <TaskStatus state={task.state} onDismiss={task.clearError} />
      <TaskStatus state={{ ...select.state, busy: false }} onDismiss={select.clearError} />
      {added && (
        <MessageBar intent="success">
          <MessageBarBody>
            {added.length > 0 ? t("ledgerAdded", { names: added.join("、") }) : t("ledgerNothingAdded")}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "none" && (
        <MessageBar intent="info">
          <MessageBarBody>{t("ledgerNone")}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "problems" && (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{t("ledgerFailed", { count: outcome.problems.length })}</MessageBarBody>
          </MessageBar>
          <ProblemList problems={outcome.problems} onSelect={(p) => go({ sheet: p.sheet, cell: p.cell })} />
        </>
      )}
      {outcome?.kind === "ok" && (
        <>
          <Text size={200}>{t("ledgerAsOf", { date: outcome.overview.asOf })}</Text>
          {outcome.overview.ledger && (
            <section aria-label={t("ledgerGroups")}>
              <Text weight="semibold">{t("ledgerGroups")}</Text>
              <table className={s.table}>
                <thead>
                  <tr>
                    <th className={s.cell}>{t("targetGroup")}</th>
                    <th className={s.cell}>{t("ledgerRate")}</th>
                    <th className={s.cell}>{t("ledgerOverdue")}</th>
                    <th className={s.cell}>{t("ledgerLetter")}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.overview.ledger.map((g) => (
                    <tr key={g.group}>
                      <td className={s.cell}>{row(g.at, g.group)}</td>
                      <td className={s.cell}>
                        {(g.rate * 100).toFixed(1)}%（{g.closed}/{g.total}）
                      </td>
                      <td className={s.cell}>{g.overdue}</td>
                      <td className={s.cell}>
                        {g.letter ? (
                          <Badge appearance="filled" color={LETTER_COLOR[g.letter]}>
                            {g.letter}
                          </Badge>
                        ) : (
                          t("none")
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {outcome.overview.points && (
            <section aria-label={t("ledgerPoints")}>
              <Text weight="semibold">
                {t("ledgerPoints")}（{outcome.overview.points.length}）
              </Text>
              {outcome.overview.points.length === 0 ? (
                <Text as="p" size={200}>
                  {t("ledgerPointsNone")}
                </Text>
              ) : (
                <table className={s.table}>
                  <tbody>
                    {cap("points", outcome.overview.points).map((p) => (
                      <tr key={p.code}>
                        <td className={s.cell}>{row(p.at, p.name)}</td>
                        <td className={s.cell}>
                          {p.red.length > 0 && (
                            <Badge appearance="filled" color="danger">
                              {t("ledgerRed")} {p.red.join("、")}
                            </Badge>
                          )}{" "}
                          {p.yellow.length > 0 && (
                            <Badge appearance="filled" color="warning">
                              {t("ledgerYellow")} {p.yellow.join("、")}
                            </Badge>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {more("points", outcome.overview.points.length)}
            </section>
          )}
          {outcome.overview.meetings && (
            <section aria-label={t("ledgerMeetings")}>
              <Text weight="semibold">
                {t("ledgerMeetings")}（{outcome.overview.meetings.length}）
              </Text>
              {outcome.overview.meetings.length === 0 ? (
                <Text as="p" size={200}>
                  {t("ledgerMeetingsNone")}
                </Text>
              ) : (
                <table className={s.table}>
                  <tbody>
                    {cap("meetings", outcome.overview.meetings).map((m) => (
                      <tr key={m.code}>
                        <td className={s.cell}>{row(m.at, m.name)}</td>
                        <td className={s.cell}>
                          {m.met}/{m.due}
                        </td>
                        <td className={s.cell}>{m.missing}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {more("meetings", outcome.overview.meetings.length)}
            </section>
          )}
          <Text size={200}>{t("ledgerWritten")}</Text>
        </>
      )}
    </div>
  );
}
