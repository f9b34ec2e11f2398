// Fails the build when the JavaScript the task pane loads before its first paint is over budget
// (gzip): Outlook disables add-ins that are slow to start.
import { join } from 'node:path';
import { firstPaintScripts } from './firstPaint.mjs';

const budgetKb = 120;
const scripts = firstPaintScripts(join(import.meta.dirname, '..', 'dist'));
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);

for (const { file, gzip } of scripts) console.log(`${kb(gzip)} KB  ${file}`);
const total = scripts.reduce((sum, f) => sum + f.gzip, 0);
console.log(`${kb(total)} KB  task pane JavaScript before its first paint, gzip (budget ${budgetKb} KB)`);
if (total / 1024 > budgetKb) {
  console.error(`The task pane's first JavaScript is over the ${budgetKb} KB budget.`);
  process.exit(1);
}
