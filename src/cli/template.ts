/**
 * The sheets of `branch-grader template`: the blank template (五个好 example rubric), or,
 * with `--rubric NAME`, a published pattern with its sample branches and 说明; `--records` adds
 * the four record sheets.
 */
import {
  RUBRIC_TEMPLATES,
  findRubricTemplate,
  recordTemplateSheets,
  rubricTemplateSheets,
  templateSheets,
  type TemplateSheet,
} from "../engine";
import { CliError, msg } from "./messages";

/**
 * The template's sheets; `rubric` is a pattern's Chinese name or id (undefined: the blank
 * template). An unknown name is a CliError listing the choices.
 */
export function templateSheetsFor(rubric?: string, records = false): TemplateSheet[] {
  const more = records ? recordTemplateSheets() : [];
  if (rubric === undefined) return [...templateSheets(), ...more];
  const t = findRubricTemplate(rubric);
  if (!t)
    throw new CliError(
      msg.unknownRubric(
        rubric,
        RUBRIC_TEMPLATES.map((x) => `${x.name}（${x.id}）`),
      ),
    );
  return [...rubricTemplateSheets(t), ...more];
}
