// npm start: build and serve the add-in on localhost:3000.
// - Windows / macOS with Excel desktop: office-addin-debugging sideloads manifest.xml and
//   runs the https dev server (npm run dev-server).
// - Anywhere else (Linux, or no Excel): builds dist/ and serves the task pane's browser mode
//   over http://localhost:3000, printing the URL.
import { spawnSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { serve } from "./serve.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const port = Number(process.env.PORT || 3000);

if ((process.platform === "win32" || process.platform === "darwin") && !process.env.BROWSER_MODE) {
  console.log("正在旁加载到 Excel 桌面版 / Sideloading into Excel desktop (office-addin-debugging)…");
  const child = spawn(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel"], {
    cwd: root,
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  console.log("本机无 Excel 桌面版：以浏览器模式运行 / No Excel desktop here: running the browser mode.");
  const build = spawnSync(npx, ["webpack", "--mode", "development"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const { url } = await serve(path.join(root, "dist"), port);
  console.log(`\n任务窗格（浏览器模式）/ Task pane (browser mode): ${url}taskpane.html`);
  console.log("按 Ctrl+C 停止 / Press Ctrl+C to stop.");
}
