/** Progress bar while a step works, and its error message (with what to do) when it fails. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import { useT } from "../i18n";
import type { TaskState } from "../useTask";

export function TaskStatus({ state, onDismiss }: { state: TaskState; onDismiss: () => void }) {
  const t = useT();
  return (
    <>
      {state.busy && (
        <div role="status" aria-live="polite">
          <ProgressBar
            value={
              state.progress && state.progress.total > 0
                ? state.progress.done / state.progress.total
                : undefined
            }
            thickness="large"
          />
          <Text size={200}>
            {state.progress
              ? t("writing", { done: state.progress.done, total: state.progress.total })
              : t("busy")}
          </Text>
        </div>
      )}
      {state.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.error.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={onDismiss}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
