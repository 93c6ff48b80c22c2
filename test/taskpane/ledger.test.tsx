/** @jest-environment jsdom */
/**
 * The pane's 台账 step with an in-memory port: the three overviews (the fixtures' hand
 * calculations), a row selects its input cell, the four sheets are added on request, and
 * 定级 writes the record outputs with the others.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Sheets } from "../../src/engine";
import { App } from "../../src/taskpane/App";
import { installDomPolyfills } from "../fakes/dom";
import { MemoryPort } from "../fakes/memory-port";

installDomPolyfills();

const fixture = (name: string): Sheets =>
  (
    JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "records", name, "input.json"), "utf8")) as {
      sheets: Sheets;
    }
  ).sheets;

function allRecords(): Sheets {
  const s = fixture("r01-ledger-letters");
  const p = fixture("r02-points-warnings");
  return { ...s, 党员: p["党员"]!, 积分: p["积分"]!, 会议记录: fixture("r03-meetings-midyear")["会议记录"]! };
}

describe("台账", () => {
  it("shows 销号率 and 督办 per group, red/yellow members, branches behind; rows select their cells", async () => {
    const port = new MemoryPort(allRecords());
    render(<App port={port} initialStep="ledger" />);
    const groups = await screen.findByRole("region", { name: "整改销号与督办（按上级党组织）" });
    const jia = within(groups).getByRole("button", { name: "甲党委" }).closest("tr")!;
    expect(jia.textContent).toContain("0.0%（0/5）");
    expect(jia.textContent).toContain("约谈单");
    expect(within(groups).getByRole("button", { name: "乙党委" }).closest("tr")!.textContent).toContain(
      "25.0%（1/4）3通报批评单",
    );
    const points = screen.getByRole("region", { name: "积分预警（按支部）" });
    expect(points.textContent).toContain("红色 钱七");
    expect(points.textContent).toContain("黄色 赵六、孙八");
    const meetings = screen.getByRole("region", { name: "三会一课未达标的支部（达标期数/应开期数）" });
    expect(
      within(meetings)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual([
      // As of 2026-06-30 r03's meetings (up to April) leave every branch behind.
      "甲一支部",
      "甲二支部",
      "乙一支部",
      "丙一支部",
      "丁一支部",
      "戊一支部",
      "己一支部",
    ]);
    expect(screen.getByText("统计日期：2026-06-30")).toBeTruthy();
    fireEvent.click(within(groups).getByRole("button", { name: "丙党委" }));
    await waitFor(() => expect(port.called("selectCell")).toHaveLength(1));
    fireEvent.click(within(points).getByRole("button", { name: "甲一支部" }));
    await waitFor(() =>
      expect(port.called("selectCell").map((c) => c.args.join("!"))).toEqual(["整改台账!A11", "党员!A6"]),
    );
  });

  it("without record sheets says so and adds the four on request", async () => {
    const sheets = fixture("r01-ledger-letters");
    delete sheets["整改台账"];
    const port = new MemoryPort(sheets);
    render(<App port={port} initialStep="ledger" />);
    await screen.findByText(/还没有 整改台账、党员、积分 或 会议记录 表/);
    fireEvent.click(screen.getByRole("button", { name: "添加台账表" }));
    await screen.findByText(/已新建：整改台账、党员、积分、会议记录/);
    expect(port.sheets["整改台账"]![0]).toContain("销号日期");
  });

  it("定级 writes the six record outputs with the others", async () => {
    const port = new MemoryPort(allRecords());
    render(<App port={port} initialStep="grade" />);
    fireEvent.click(screen.getByRole("button", { name: "开始定级" }));
    await screen.findByText(/定级完成/);
    expect(port.written.at(-1)!.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        "结果",
        "整改明细",
        "整改汇总",
        "督办通知",
        "积分结果",
        "积分汇总",
        "三会一课",
      ]),
    );
  });
});
