/** Pieces every step of the pane shares: its props, its column layout, the missing-sheets notice. */
import { MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { ColumnMapping, SheetState } from "../../host/inputs";
import type { WorkbookPort } from "../../host/port";
import { useT } from "../i18n";

/** What a step that reads the workbook needs. */
export interface StepProps {
  port: WorkbookPort;
  mapping: ColumnMapping;
  /** Look at the workbook again (the user edits sheets between steps). */
  refresh: () => Promise<SheetState[]>;
}

/** A step's layout: one column with the pane's vertical rhythm (for each step's makeStyles). */
export const STEP_STYLE = {
  display: "flex",
  flexDirection: "column",
  rowGap: tokens.spacingVerticalM,
} as const;

/** "Create these sheets first" when required contract sheets are absent. */
export function MissingSheets({ names }: { names: string[] }) {
  const t = useT();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>{t("missingSheetsFirst", { names: names.join("、") })}</MessageBarBody>
    </MessageBar>
  );
}
