/**
 * The sheets of `branch-grader template`: the blank template (五个好 example rubric), or,
 * with `--rubric NAME`, a published pattern with its sample branches and 说明.
 */
import {
  RUBRIC_TEMPLATES,
  findRubricTemplate,
  rubricTemplateSheets,
  templateSheets,
  type TemplateSheet,
} from "../engine";
import { CliError, msg } from "./messages";

/**
 * The template's sheets; `rubric` is a pattern's Chinese name or id (undefined: the blank
 * template). An unknown name is a CliError listing the choices.
 */
export function templateSheetsFor(rubric?: string): TemplateSheet[] {
  if (rubric === undefined) return templateSheets();
  const t = findRubricTemplate(rubric);
  if (!t)
    throw new CliError(
      msg.unknownRubric(
        rubric,
        RUBRIC_TEMPLATES.map((x) => `${x.name}（${x.id}）`),
      ),
    );
  return rubricTemplateSheets(t);
}
