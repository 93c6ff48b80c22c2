// Preloaded (node --require) when GNU time is missing: at exit, writes what GNU time would
// report (max RSS in kB, user and system CPU seconds) to the file named by BG_RSS_REPORT.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  const u = process.resourceUsage();
  const file = process.env.BG_RSS_REPORT;
  if (!file) return;
  writeFileSync(
    file,
    `User time (seconds): ${u.userCPUTime / 1e6}\nSystem time (seconds): ${u.systemCPUTime / 1e6}\n` +
      `Maximum resident set size (kbytes): ${u.maxRSS}\n`,
  );
});
