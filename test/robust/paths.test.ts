/**
 * Nothing the user has is lost (DOMAIN §8): the output is never the input, an existing file
 * is replaced only with --force, a missing folder is named as such, and an interrupted
 * write leaves neither a partial output nor a temporary file.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, cli, tempDir } from "../cli/helpers";
import { writeError } from "../../src/cli/io";
import { sampleBytes } from "./corpus";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function folderWithSample(): { dir: string; input: string; hash: string } {
  const dir = tempDir("bg-paths-");
  const input = join(dir, "考评.xlsx");
  writeFileSync(input, sampleBytes());
  return { dir, input, hash: sha(readFileSync(input)) };
}

function oneLine(err: string, pattern: RegExp): void {
  const lines = err.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe("the output path", () => {
  it("may not be the input, by name or through a symbolic link", async () => {
    const { dir, input, hash } = folderWithSample();
    symlinkSync(input, join(dir, "link.xlsx"));
    for (const out of ["考评.xlsx", "./考评.xlsx", "link.xlsx"]) {
      const r = await cli(["grade", "考评.xlsx", "-o", out, "--force"], dir);
      expect(r.code).toBe(2);
      oneLine(r.err, /不能与输入文件相同/);
    }
    expect(sha(readFileSync(input))).toBe(hash);
  });

  it("is not replaced when it exists, unless --force (default names, template and demo too)", async () => {
    const { dir } = folderWithSample();
    const mine = join(dir, "考评-已定级.xlsx");
    writeFileSync(mine, "the clerk's own file");
    let r = await cli(["grade", "考评.xlsx"], dir);
    expect(r.code).toBe(2);
    oneLine(r.err, /文件已存在.*--force/);
    expect(readFileSync(mine, "utf8")).toBe("the clerk's own file");
    r = await cli(["grade", "考评.xlsx", "--force"], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(mine, "utf8")).not.toBe("the clerk's own file");

    writeFileSync(join(dir, "考评模板.xlsx"), "filled in by hand");
    r = await cli(["template"], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "考评模板.xlsx"), "utf8")).toBe("filled in by hand");

    writeFileSync(join(dir, "示例-已定级.xlsx"), "kept");
    r = await cli(["demo"], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "示例-已定级.xlsx"), "utf8")).toBe("kept");
  });

  it("in a folder that does not exist is named as such (not blamed on Excel)", async () => {
    const { dir } = folderWithSample();
    const r = await cli(["grade", "考评.xlsx", "-o", "没有的文件夹/出.xlsx"], dir);
    expect(r.code).toBe(2);
    oneLine(r.err, /文件夹不存在/);
    expect(r.err).not.toMatch(/Excel\/WPS 中打开/);
  });
});

describe("an interrupted write", () => {
  it("leaves no temporary file and no output after SIGINT", async () => {
    const dir = tempDir("bg-sigint-");
    const out = join(dir, "大.xlsx");
    // A child that writes 400 MB through the CLI's writer; we interrupt it mid-way.
    const script = `
      const { writeBytes } = require(${JSON.stringify(join(ROOT, "src/cli/io.ts"))});
      writeBytes(${JSON.stringify(out)}, new Uint8Array(400 * 2 ** 20)).then(() => process.exit(0));
    `;
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, stdio: "ignore" });
    const tmpSeen = await new Promise<boolean>((done) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const tmp = readdirSync(dir).some((n) => n.endsWith(".tmp"));
        if (tmp || Date.now() - started > 20_000) {
          clearInterval(poll);
          done(tmp);
        }
      }, 5);
    });
    child.kill("SIGINT");
    const code = await new Promise<number | null>((done) => child.on("exit", (c) => done(c)));
    expect(tmpSeen).toBe(true);
    expect(code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe("a failed write is explained by its cause", () => {
  const cases: [string, RegExp][] = [
    ["ENOSPC", /磁盘空间不足/],
    ["EDQUOT", /磁盘空间不足/],
    ["ENOENT", /文件夹不存在/],
    ["EBUSY", /正被其他程序使用.*Excel\/WPS/],
    ["EACCES", /没有权限写入/],
    ["EROFS", /只读/],
  ];
  it.each(cases)("%s", (code, pattern) => {
    const e = writeError("/某处/出.xlsx", Object.assign(new Error(code), { code }));
    expect(e.message).toMatch(pattern);
    expect(e.message).not.toMatch(/\n/);
    // Only a file in use is blamed on Excel/WPS.
    if (code !== "EBUSY" && code !== "EACCES") expect(e.message).not.toMatch(/Excel\/WPS/);
  });
});
