// Sums the gzip size of the JavaScript the task pane loads before its first paint (the entry
// script plus its modulepreloads) and fails the build above the budget: Outlook disables slow add-ins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetKb = 150;
const dist = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);

let totalBytes = 0;
for (const file of files) {
  const gzipped = gzipSync(readFileSync(join(dist, file))).length;
  totalBytes += gzipped;
  console.log(`${(gzipped / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const totalKb = totalBytes / 1024;
console.log(`${totalKb.toFixed(1).padStart(7)} KB  task pane initial JavaScript, gzip (budget ${budgetKb} KB)`);
if (totalKb > budgetKb) {
  console.error(`The task pane's initial JavaScript is over the ${budgetKb} KB budget.`);
  process.exit(1);
}
