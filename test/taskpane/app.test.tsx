/** @jest-environment jsdom */
/**
 * The task pane's three workflows, rendered with the port as a prop (an in-memory port:
 * no Office): 开始 on a workbook without the contract sheets, 检查 on a workbook with
 * problems, 定级 on a valid one, header mapping, errors from Excel, browser mode, English.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { RECORD_OUTPUT_SHEETS } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { installDomPolyfills } from "../fakes/dom";
import { MemoryPort } from "../fakes/memory-port";
import { gridsWithProblems, validGrids } from "../fakes/sample-grids";

installDomPolyfills();

async function openOn(
  port: MemoryPort | null,
  step?: "start" | "check" | "grade",
  language?: "zh-CN" | "en-US",
) {
  render(<App port={port} initialStep={step} language={language} />);
  if (port && (step ?? "start") === "start") await screen.findByTestId("sheet-组织");
}

describe("开始", () => {
  it("lists the contract sheets, creates the missing ones, and leaves existing ones alone", async () => {
    const port = new MemoryPort({ Sheet1: [["随便什么"]] });
    await openOn(port);
    expect(within(screen.getByTestId("sheet-组织")).getByText("缺少")).toBeTruthy();
    expect(within(screen.getByTestId("sheet-评分")).getByText("必需")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "建立缺少的工作表" }));
    await screen.findByText(/已新建：设置、标准、组织、评分/);
    const [call] = port.called("createTemplate");
    expect((call.args[0] as { name: string }[]).map((s) => s.name)).toEqual(["设置", "标准", "组织", "评分"]);
    expect(port.sheets["Sheet1"]).toEqual([["随便什么"]]);
    await waitFor(() => expect(within(screen.getByTestId("sheet-组织")).getByText("已有")).toBeTruthy());
    expect(screen.queryByRole("button", { name: "建立缺少的工作表" })).toBeNull();
  });

  it("creates the sheets from a published rubric template picked in 选择标准模板, samples and 说明 included", async () => {
    const port = new MemoryPort({ Sheet1: [] });
    await openOn(port);
    fireEvent.click(screen.getByRole("combobox", { name: "选择标准模板" }));
    fireEvent.click(await screen.findByRole("option", { name: "星级评定" }));
    expect(screen.getByTestId("template-rule").textContent).toContain("× 70%");
    fireEvent.click(screen.getByRole("button", { name: "建立缺少的工作表" }));
    await screen.findByText(/已新建：设置、标准、组织、评分、说明/);
    expect(port.sheets["设置"]).toContainEqual(["名额上限", "五星:30%"]);
    expect(port.sheets["组织"]).toHaveLength(5); // header + four sample branches
    // The sample grades at once: 检查 finds nothing wrong.
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    await screen.findByText("检查通过，没有发现问题。可以进入“定级”。");
  });

  it("asks only for the sheets that are missing, English aliases counting as present", async () => {
    const g = validGrids();
    const port = new MemoryPort({ Settings: g["设置"], 标准: g["标准"] });
    await openOn(port);
    expect(within(screen.getByTestId("sheet-设置")).getByText("已有（名为「Settings」）")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "建立缺少的工作表" }));
    await screen.findByText(/已新建：组织、评分/);
    expect((port.called("createTemplate")[0].args[0] as { name: string }[]).map((s) => s.name)).toEqual([
      "组织",
      "评分",
    ]);
  });

  it("maps a differently named column once and saves the mapping in the workbook", async () => {
    const g = validGrids();
    const branches = g["组织"].map((r) => [...r]);
    branches[0][1] = "支部全称";
    const port = new MemoryPort({ ...g, 组织: branches });
    await openOn(port);
    expect(screen.getByText("缺少列「组织名称」")).toBeTruthy();
    expect(screen.queryByText("必需的工作表都已具备，可以进入“检查”。")).toBeNull();
    fireEvent.click(screen.getByRole("combobox", { name: "组织.组织名称" }));
    fireEvent.click(await screen.findByRole("option", { name: "支部全称" }));
    fireEvent.click(screen.getByRole("button", { name: "保存对应关系" }));
    // Saving re-reads the workbook (mapping, header rows, what was found): allow it time under load.
    await screen.findByText("对应关系已保存在工作簿中，下次打开仍然有效。", {}, { timeout: 10_000 });
    expect(JSON.parse(port.settings.get("branchGrader.columnMapping") ?? "{}")).toEqual({
      组织: { 组织名称: "支部全称" },
    });
    expect(screen.queryByText("缺少列「组织名称」")).toBeNull();
    expect(await screen.findByText("必需的工作表都已具备，可以进入“检查”。")).toBeTruthy();

    // The mapping is used by 检查: the engine finds 组织名称 and the workbook passes.
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    await screen.findByText("检查通过，没有发现问题。可以进入“定级”。");
    expect(port.sheets["组织"][0][1]).toBe("支部全称"); // the input sheet itself is unchanged
  });

  it("reads a saved mapping back when the pane opens", async () => {
    const g = validGrids();
    const branches = g["组织"].map((r) => [...r]);
    branches[0][1] = "支部全称";
    const port = new MemoryPort({ ...g, 组织: branches });
    port.settings.set("branchGrader.columnMapping", JSON.stringify({ 组织: { 组织名称: "支部全称" } }));
    await openOn(port);
    expect(screen.queryByText("缺少列「组织名称」")).toBeNull();
    expect(await screen.findByText("必需的工作表都已具备，可以进入“检查”。")).toBeTruthy();
  });

  it("shows what to do when Excel fails (cell edit mode), never failing silently", async () => {
    const port = new MemoryPort(validGrids());
    port.failNext("listSheets", "InvalidOperationInCellEditMode");
    render(<App port={port} />);
    expect((await screen.findByRole("alert")).textContent).toContain("请按 Enter 或 Esc 结束编辑后重试");
    fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
    await screen.findByTestId("sheet-组织");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("without a workbook yet (browser mode) says how to open one, and offers no step that needs it", () => {
    render(<App port={null} />);
    expect(screen.getByText(/请点击“打开工作簿”选择 .xlsx 文件，或点击“使用示例”/)).toBeTruthy();
    for (const name of ["检查", "定级", "模拟", "名额", "定稿"]) {
      const tab = screen.getByRole("tab", { name });
      expect(tab.getAttribute("aria-disabled") === "true" || tab.hasAttribute("disabled")).toBe(true);
    }
    expect(screen.getByRole("tab", { name: "开始" }).getAttribute("aria-disabled")).not.toBe("true");
  });
});

describe("检查", () => {
  it("lists the problems grouped by sheet in Chinese; clicking one selects its cell", async () => {
    const port = new MemoryPort(gridsWithProblems());
    await openOn(port, "check");
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    await screen.findByText("发现 4 个问题，请修改后重新检查：");
    const scores = screen.getByRole("region", { name: "评分" });
    expect(within(scores).getAllByRole("listitem")).toHaveLength(3);
    expect(within(screen.getByRole("region", { name: "组织" })).getByText(/重复/)).toBeTruthy();
    fireEvent.click(within(scores).getByText(/超过满分 10/));
    await waitFor(() => expect(port.called("selectCell").map((c) => c.args)).toEqual([["评分", "B2"]]));
    expect(port.called("writeSheets")).toHaveLength(0); // checking never writes
  });

  it("says which sheets are missing on a workbook without the contract sheets", async () => {
    const port = new MemoryPort({ Sheet1: [] });
    await openOn(port, "check");
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    await screen.findByText("缺少必需的工作表：标准、组织、评分。请先在“开始”中建立模板。");
  });

  it("selects the cell on the sheet's real name when it goes by its English alias", async () => {
    const g = gridsWithProblems();
    const port = new MemoryPort({ 设置: g["设置"], 标准: g["标准"], 组织: g["组织"], Scores: g["评分"] });
    await openOn(port, "check");
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    fireEvent.click(await screen.findByText(/超过满分 10/));
    await waitFor(() => expect(port.called("selectCell").map((c) => c.args)).toEqual([["Scores", "B2"]]));
  });
});

describe("定级", () => {
  it("grades, writes the output sheets and shows counts, distribution and targets", async () => {
    const port = new MemoryPort({ ...validGrids(), 问题: [["旧问题"]] });
    await openOn(port, "grade");
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    await screen.findByText("定级完成：共 8 个党组织。");
    const [written] = port.written;
    expect(written.map((s) => s.name)).toEqual(["结果", "晋位升级", "汇总", "公示"]);
    const options = port.called("writeSheets")[0].args[1] as { tiers: string[]; remove: string[] };
    expect(options.tiers).toEqual(["先进", "一般", "后进"]);
    // No notices and no record sheets: a stale 提示 and stale record outputs go too.
    expect(options.remove).toEqual(["问题", "提示", ...RECORD_OUTPUT_SHEETS]);
    expect(port.sheets["问题"]).toBeUndefined();
    expect(port.sheets["组织"]).toEqual(validGrids()["组织"]); // inputs never written
    expect(within(screen.getByTestId("tier-先进")).getByText("3 个（37.5%）")).toBeTruthy();
    expect(within(screen.getByTestId("tier-后进")).getByText("2 个（25.0%）")).toBeTruthy();
    expect(screen.getByRole("img", { name: "等次分布" })).toBeTruthy();
    expect(screen.getAllByText("未达标").length).toBe(4);
    expect(screen.getAllByText("达标").length).toBe(5);
    expect(JSON.parse(port.settings.get("branchGrader.lastRun") ?? "{}")).toMatchObject({ branches: 8 });
  });

  it("lists the notices under the results, writes them to 提示 and selects their cell", async () => {
    const g = validGrids();
    // No branch has a 上期等次 (column F): every 晋位升级 base is 0, which is a notice (DOMAIN §2.5).
    const branches = g["组织"]!.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 5 ? "" : v))));
    const port = new MemoryPort({ ...g, 组织: branches });
    await openOn(port, "grade");
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    await screen.findByText("提示 1 条（已写入「提示」工作表，不影响定级）：");
    expect(port.written[0]!.map((s) => s.name)).toEqual(["结果", "晋位升级", "汇总", "公示", "提示"]);
    expect((port.called("writeSheets")[0].args[1] as { remove: string[] }).remove).toEqual([
      "问题",
      ...RECORD_OUTPUT_SHEETS,
    ]);
    expect(port.sheets["提示"]![0]).toEqual(["工作表", "单元格", "说明"]);
    fireEvent.click(screen.getByText(/没有任何组织填写上期等次/));
    await waitFor(() => expect(port.called("selectCell").map((c) => c.args)).toEqual([["组织", "F1"]]));
  });

  it("notices a sheet added after the pane looked at the workbook", async () => {
    const { 评分: scores, ...rest } = validGrids();
    const port = new MemoryPort(rest);
    await openOn(port);
    expect(within(screen.getByTestId("sheet-评分")).getByText("缺少")).toBeTruthy();
    port.sheets["评分"] = scores; // the clerk pastes the scores sheet in
    fireEvent.click(screen.getByRole("tab", { name: "定级" }));
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    await screen.findByText("定级完成：共 8 个党组织。");
  });

  it("on invalid inputs writes 问题 instead of results, removes stale results, and lists the problems", async () => {
    const port = new MemoryPort({ ...gridsWithProblems(), 结果: [["旧结果"]] });
    await openOn(port, "grade");
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    await screen.findByText("发现 4 个问题，已写入「问题」工作表，未生成定级结果。请修改后重新定级：");
    expect(port.written[0].map((s) => s.name)).toEqual(["问题"]);
    expect(port.sheets["结果"]).toBeUndefined();
    expect(port.sheets["问题"]).toHaveLength(5);
  });

  it("reports a failed write with the error code and what to do", async () => {
    const port = new MemoryPort(validGrids());
    port.failNext("writeSheets", "GeneralException", "An internal error has occurred.");
    await openOn(port, "grade");
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("错误代码 GeneralException");
    expect(alert.textContent).toContain("请保存工作簿后重试");
    expect(screen.queryByText(/定级完成/)).toBeNull();
  });

  it("shows progress while writing", async () => {
    const port = new MemoryPort(validGrids());
    let release: () => void = () => undefined;
    const original = port.writeSheets.bind(port);
    port.writeSheets = async (sheets, onProgress, options) => {
      onProgress?.(1, 3);
      await new Promise<void>((r) => (release = r));
      return original(sheets, onProgress, options);
    };
    await openOn(port, "grade");
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    await screen.findByText("正在写入工作簿（1/3）");
    expect(screen.getByRole("progressbar")).toBeTruthy();
    await act(async () => release());
    await screen.findByText("定级完成：共 8 个党组织。");
  });
});

describe("language", () => {
  it("renders in English when Office's display language is English", async () => {
    const port = new MemoryPort(validGrids());
    render(<App port={port} language="en-US" />);
    await screen.findByText("All required sheets are present. Go on to Check.");
    expect(screen.getByRole("tab", { name: "Grade" })).toBeTruthy();
  });

  it("lists the engine's problems in English", async () => {
    const port = new MemoryPort(gridsWithProblems());
    await openOn(port, "check", "en-US");
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByText("4 problem(s) found. Fix them and check again:");
    const scores = within(screen.getByRole("region", { name: "评分" }));
    // A01 has 满分 10 and no 下限; A02 is 达标; 组织 row 4 (ZB003) now says ZB002, so 评分 row 4 is unknown.
    scores.getByText(
      "B2：Criterion A01: the input 99 is above the full mark 10; expected a number from 0 to 10",
    );
    scores.getByText(
      'C3：Criterion A02 (达标): the input "也许" is invalid; expected 是 or 否 (or 1/0, √/×, Y/N)',
    );
    scores.getByText('A4：组织编码 "ZB003" is not in 组织; add the branch to 组织 first');
    within(screen.getByRole("region", { name: "组织" })).getByText(
      'A4：组织编码 "ZB002" appears again (first in row 3); codes must be unique',
    );
  });
});
