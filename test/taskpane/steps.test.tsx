/** @jest-environment jsdom */
/**
 * 模拟, 名额 and 定稿 rendered with an in-memory port: what the user sees, what gets written.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { allocate, gradeWorkbook, outputRows } from "../../src/engine";
import type { FinalizeOptions } from "../../src/host/port";
import { App } from "../../src/taskpane/App";
import { installDomPolyfills } from "../fakes/dom";
import { MemoryPort } from "../fakes/memory-port";
import { scaleGrids } from "../fakes/sample-grids";

installDomPolyfills();

function graded(grids: ReturnType<typeof scaleGrids>) {
  const r = gradeWorkbook(grids);
  if (!r.ok) throw new Error("expected valid inputs");
  return r;
}

const cell = (row: HTMLElement, i: number) => within(row).getAllByRole("cell")[i].textContent ?? "";

describe("模拟", () => {
  it("regrades in memory as a cutoff changes, lists the changed branches, and writes 设置 only on 应用", async () => {
    const grids = scaleGrids(60);
    const port = new MemoryPort(grids);
    render(<App port={port} initialStep="simulate" />);
    const cutoff = await screen.findByLabelText("先进 分数线");
    expect((cutoff as HTMLInputElement).value).toBe("90");
    expect((screen.getByLabelText("先进 名额上限") as HTMLInputElement).value).toBe("30%");
    const before = graded(grids).summary.counts;
    await waitFor(() => expect(cell(screen.getByTestId("sim-先进"), 0)).toBe(String(before["先进"])));

    fireEvent.change(screen.getByLabelText("一般 分数线"), { target: { value: "80" } });
    const settings = grids["设置"].map((r) => (r[0] === "分数线" ? ["分数线", "90,80"] : r));
    const want = graded({ ...grids, 设置: settings });
    await waitFor(() =>
      expect(cell(screen.getByTestId("sim-后进"), 1)).toContain(String(want.summary.counts["后进"])),
    );
    const changed = outputRows(want.outputs, "结果")!.filter(
      (r, i) => i > 0 && r[9] !== outputRows(graded(grids).outputs, "结果")![i]![9],
    );
    expect(changed.length).toBeGreaterThan(0);
    expect(screen.getByText(`等次会变化的组织（${changed.length} 个）`)).toBeTruthy();
    expect(within(screen.getByTestId("sim-changes")).getAllByRole("row")).toHaveLength(changed.length + 1);
    expect(port.called("writeSettings")).toHaveLength(0);
    expect(port.called("writeSheets")).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "应用" }));
    await screen.findByText("已写入“设置”并重新定级：共 60 个党组织。");
    expect(port.called("writeSettings").map((c) => c.args)).toEqual([[[["分数线", "90,80"]], "设置"]]);
    expect(port.sheets["设置"]).toEqual(settings);
    expect(port.sheets["结果"]).toEqual(outputRows(want.outputs, "结果"));
  });
});

describe("名额", () => {
  it("splits a total by largest remainder, warns on a hand-edited sum, and writes 名额分配", async () => {
    const grids = scaleGrids(60);
    const port = new MemoryPort(grids);
    render(<App port={port} initialStep="quota" />);
    const total = await screen.findByLabelText("总名额");
    fireEvent.change(total, { target: { value: "7" } });
    const r = graded(grids);
    const bases = r.summary.byGroup.map((g) => g.counts["先进"]);
    const parts = allocate(7, bases);
    await waitFor(() => expect(screen.getByTestId("quota-sum").textContent).toBe("7"));
    const inputs = screen.getAllByLabelText(/调整后名额$/) as HTMLInputElement[];
    expect(inputs.map((i) => Number(i.value))).toEqual(parts);

    act(() => void fireEvent.change(inputs[0], { target: { value: String(parts[0] + 1) } }));
    await screen.findByText("调整后合计 8 与总名额 7 不一致。");
    fireEvent.change(inputs[0], { target: { value: String(bases[0] + 1) } });
    await screen.findByText(`以下单位的名额超过了基数：${r.summary.byGroup[0].group}。`);
    fireEvent.change(inputs[0], { target: { value: String(parts[0]) } });

    fireEvent.click(screen.getByRole("button", { name: "写入名额分配表" }));
    await screen.findByText("已写入“名额分配”工作表。");
    const sheet = port.sheets["名额分配"];
    expect(sheet[0]).toEqual(["上级党组织", "基数", "计算名额", "调整后名额"]);
    expect(sheet.slice(1, -1)).toEqual(
      r.summary.byGroup.map((g, i) => [g.group, bases[i], parts[i], parts[i]]),
    );
    expect(sheet[sheet.length - 1]).toEqual(["合计", bases.reduce((a, b) => a + b, 0), 7, 7]);
  });

  it("says so when the total exceeds the bases", async () => {
    const port = new MemoryPort(scaleGrids(12));
    render(<App port={port} initialStep="quota" />);
    fireEvent.change(await screen.findByLabelText("总名额"), { target: { value: "999" } });
    expect(await screen.findByRole("button", { name: "写入名额分配表" })).toHaveProperty("disabled", true);
  });
});

describe("定稿", () => {
  it("hands the host a 说明 sheet built from 设置 and the output sheets to protect", async () => {
    const port = new MemoryPort(scaleGrids(12));
    render(<App port={port} initialStep="share" />);
    fireEvent.click(screen.getByRole("button", { name: "定稿" }));
    await screen.findByText(/定稿完成：替换了 0 个 DJ\.\* 公式/);
    const options = port.called("finalizeForSharing")[0].args[0] as FinalizeOptions;
    expect(options.protect).toEqual(
      expect.arrayContaining(["结果", "晋位升级", "汇总", "公示", "名额分配", "说明"]),
    );
    const rows = Object.fromEntries(options.explanation.rows.slice(1).map((r) => [r[0], r[1]]));
    expect(rows["等次（从好到差）"]).toBe("先进、一般、后进");
    expect(rows["分数线"]).toBe("先进 ≥ 90；一般 ≥ 70；后进 < 70");
    expect(rows["综合得分权重"]).toBe("上级评定 60、自评 20、测评 20");
    expect(rows["名额上限"]).toBe("先进 30%");
    expect(rows["晋位目标"]).toBe("后进转化 至少 90%；一般晋级 至少 50%；先进示范 左右 20%");
    expect(String(rows["定稿时间"])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    fireEvent.click(screen.getByRole("checkbox", { name: "保护输出工作表（不设密码）" }));
    fireEvent.click(screen.getByRole("button", { name: "定稿" }));
    await waitFor(() => expect(port.called("finalizeForSharing")).toHaveLength(2));
    expect((port.called("finalizeForSharing")[1].args[0] as FinalizeOptions).protect).toEqual([]);
  });
});
