/** @jest-environment jsdom */
/**
 * 开始 on a workbook as offices keep it (DOMAIN §7.1): what it found, every field with its
 * column pre-selected, one field per column, the header row; 检查 shows the 总分 notice.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { installDomPolyfills } from "../fakes/dom";
import { MemoryPort } from "../fakes/memory-port";
import { branches, perGroupSheets, GROUPS } from "../fakes/office-grids";

installDomPolyfills();

async function open(port: MemoryPort) {
  render(<App port={port} />);
  return screen.findByTestId("found-summary");
}

describe("开始 on an office workbook", () => {
  it("says what it found and pre-selects the columns by their office names", async () => {
    const port = new MemoryPort(perGroupSheets(branches()).sheets);
    const summary = await open(port);
    expect(summary.textContent).toBe(
      `找到 3 张评分表（${GROUPS.join("、")}），共 12 个党支部；指标 6 项，满分合计 100；未找到领域、直接定级`,
    );
    expect(screen.getByText("没有组织编码列：以组织名称区分各党支部（名称须唯一）。")).toBeTruthy();
    expect(await screen.findByText("必需的工作表都已具备，可以进入“检查”。")).toBeTruthy();
    const value = (name: string) => (screen.getByRole("combobox", { name }) as HTMLButtonElement).textContent;
    expect(value("组织.组织名称")).toBe("党支部名称");
    expect(value("组织.上期等次")).toBe("上年度等次");
    expect(value("组织.示范点")).toBe("是否示范点");
    expect(value("评分.自评得分")).toBe("自评分");
    expect(value("评分.测评满意度")).toBe("群众满意度");
    expect(value("组织.直接定级")).toBe("（未对应）");
    expect((screen.getByRole("spinbutton", { name: `${GROUPS[0]}.表头行` }) as HTMLInputElement).value).toBe(
      "3",
    );
    expect(within(screen.getByTestId("sheet-组织")).queryByText("缺少")).toBeNull();
  });

  it("refuses one column for two fields, then saves a change in the workbook", async () => {
    const port = new MemoryPort(perGroupSheets(branches()).sheets);
    await open(port);
    fireEvent.click(screen.getByRole("combobox", { name: "组织.直接定级" }));
    fireEvent.click(await screen.findByRole("option", { name: "上年度等次" }));
    fireEvent.click(screen.getByRole("button", { name: "保存对应关系" }));
    await screen.findByText(
      "列「上年度等次」同时对应了 上期等次、直接定级：每一列只能对应一项，请改选后再保存。",
    );
    expect(port.settings.has("branchGrader.columnMapping")).toBe(false);

    fireEvent.click(screen.getByRole("combobox", { name: "组织.直接定级" }));
    fireEvent.click(await screen.findByRole("option", { name: "（未对应）" }));
    fireEvent.click(screen.getByRole("combobox", { name: "组织.上期等次" }));
    fireEvent.click(await screen.findByRole("option", { name: "（未对应）" }));
    fireEvent.click(screen.getByRole("button", { name: "保存对应关系" }));
    await screen.findByText("对应关系已保存在工作簿中，下次打开仍然有效。", {}, { timeout: 10_000 });
    expect(JSON.parse(port.settings.get("branchGrader.columnMapping")!)).toEqual({ 组织: { 上期等次: "" } });
    expect(JSON.parse(port.settings.get("branchGrader.headerRows")!)).toEqual({});
    expect((await screen.findByTestId("found-summary")).textContent).toContain(
      "未找到领域、上期等次、直接定级",
    );
  }, 60_000); // a dozen Fluent comboboxes rendered in jsdom: 12–18 s alone, more on a busy machine

  it("检查 lists the rows whose typed 总分 differs from the computed 上级评定", async () => {
    const port = new MemoryPort(perGroupSheets(branches()).sheets);
    await open(port);
    fireEvent.click(screen.getByRole("tab", { name: "检查" }));
    fireEvent.click(screen.getByRole("button", { name: "开始检查" }));
    await screen.findByText("检查通过，没有发现问题。可以进入“定级”。");
    expect(screen.getAllByText(/「总分（100分）」填的是/)).toHaveLength(3);
    expect(screen.getByText(/第2党支部 的「总分（100分）」填的是/)).toBeTruthy();
  });

  it("never says ready over empty tables; lists the columns a missing sheet needs", async () => {
    const { sheets } = perGroupSheets(branches());
    const empty = { 设置: sheets["设置"]!, [GROUPS[0]]: sheets[GROUPS[0]]!.slice(0, 4) };
    await open(new MemoryPort(empty));
    expect(await screen.findByText(/表中还没有可考评的数据（党支部为空）/)).toBeTruthy();
    expect(screen.queryByText("必需的工作表都已具备，可以进入“检查”。")).toBeNull();
  });

  it("a workbook with nothing recognisable: each missing sheet with its columns", async () => {
    render(<App port={new MemoryPort({ Sheet1: [["随便什么"]] })} />);
    const list = await screen.findByTestId("missing-columns");
    expect(list.textContent).toContain("「组织」需要的列：组织编码、组织名称、上级党组织、领域");
    expect(list.textContent).toContain("「评分」需要的列：组织编码（或组织名称），以及每个指标一列");
    expect(screen.getByRole("button", { name: "建立缺少的工作表" })).toBeTruthy();
  });

  it("转换 adds the contract sheets beside the office's, which stay as they were", async () => {
    const { sheets } = perGroupSheets(branches());
    const port = new MemoryPort(sheets);
    const before = JSON.stringify(sheets[GROUPS[0]]);
    await open(port);
    fireEvent.click(screen.getByRole("button", { name: "转换为约定格式" }));
    await screen.findByText("已新建：标准、组织、评分。单位原有的表没有改动。", {}, { timeout: 10_000 });
    expect(Object.keys(port.sheets)).toEqual(["设置", ...GROUPS, "标准", "组织", "评分"]);
    expect(JSON.stringify(port.sheets[GROUPS[0]])).toBe(before);
    expect(port.sheets["组织"]).toHaveLength(13);
    // Now the contract sheets are read; 转换 is no longer offered.
    await waitFor(() => expect(screen.queryByRole("button", { name: "转换为约定格式" })).toBeNull());
  });

  it("the header row can be set per sheet and is saved in the workbook", async () => {
    const port = new MemoryPort(perGroupSheets(branches()).sheets);
    await open(port);
    fireEvent.change(screen.getByRole("spinbutton", { name: `${GROUPS[1]}.表头行` }), {
      target: { value: "4" },
    });
    fireEvent.click(screen.getByRole("button", { name: "保存对应关系" }));
    await screen.findByText("对应关系已保存在工作簿中，下次打开仍然有效。", {}, { timeout: 10_000 });
    expect(JSON.parse(port.settings.get("branchGrader.headerRows")!)).toEqual({ [GROUPS[1]]: 4 });
  });
});
