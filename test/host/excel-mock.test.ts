/**
 * Where office-addin-mock suffices (no collections, no `.items`): selecting a problem's
 * cell and reading a workbook setting. The rest of the host (and getSetting) is tested against the
 * recording fake (test/fakes/excel-fake.ts), because the host loads `worksheets.items`.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full
// import pulls an ES module jest (Node 20, CommonJS) cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { createExcelPort, type ExcelEnv } from "../../src/host/excel";

function envOf(mock: OfficeMockObject, apiMinor = 9): ExcelEnv {
  return {
    run: (batch) => batch(mock.context as Excel.RequestContext),
    isSetSupported: (name, version) => name === "ExcelApi" && Number(version.split(".")[1]) <= apiMinor,
  };
}

describe("Excel host over office-addin-mock", () => {
  it("selectCell activates the sheet and selects the cell", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            requested: "",
            sheet: {
              activated: false,
              address: "",
              range: {
                selected: false,
                select: function (this: { selected: boolean }) {
                  this.selected = true;
                },
              },
              activate: function (this: { activated: boolean }) {
                this.activated = true;
              },
              getRange: function (this: { address: string; range: unknown }, address: string) {
                this.address = address;
                return this.range;
              },
            },
            getItem: function (this: { requested: string; sheet: unknown }, name: string) {
              this.requested = name;
              return this.sheet;
            },
          },
        },
      },
    });
    await createExcelPort(envOf(mock)).selectCell("评分", "D7");
    const ws = mock.context.workbook.worksheets;
    expect(ws.requested).toBe("评分");
    expect(ws.sheet.activated).toBe(true);
    expect(ws.sheet.address).toBe("D7");
    expect(ws.sheet.range.selected).toBe(true);
  });

  it("setSetting stores the value in Workbook.settings", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          settings: {
            key: "",
            value: "",
            add: function (this: { key: string; value: string }, key: string, value: string) {
              this.key = key;
              this.value = value;
            },
          },
        },
      },
    });
    await createExcelPort(envOf(mock)).setSetting!("branchGrader.lastRun", '{"branches":8}');
    expect(mock.context.workbook.settings.key).toBe("branchGrader.lastRun");
    expect(mock.context.workbook.settings.value).toBe('{"branches":8}');
  });
  // getSetting reads isNullObject, which office-js loads by itself at sync; office-addin-mock
  // does not model that, so getSetting is tested against the fake (test/host/excel.test.ts).
});
