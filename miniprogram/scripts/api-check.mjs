// Fails when src/api/schema.d.ts is not what openapi-typescript generates from the contract.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const contract = join(root, '..', 'openapi', 'openapi.yaml')
const committed = join(root, 'src', 'api', 'schema.d.ts')
const tmpDir = join(root, '.tmp')
const fresh = join(tmpDir, 'schema.d.ts')

mkdirSync(tmpDir, { recursive: true })
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js')
execFileSync(process.execPath, [cli, contract, '-o', fresh], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })

const normalize = (text) => text.replace(/\r\n/g, '\n')
let current = ''
try {
  current = readFileSync(committed, 'utf8')
} catch {
  console.error(`api:check failed: ${committed} is missing. Run "npm run api:gen" and commit the result.`)
  process.exit(1)
}
if (normalize(current) !== normalize(readFileSync(fresh, 'utf8'))) {
  const a = normalize(current).split('\n')
  const b = normalize(readFileSync(fresh, 'utf8')).split('\n')
  let line = 0
  while (line < a.length && line < b.length && a[line] === b[line]) line++
  console.error('api:check failed: src/api/schema.d.ts is out of date with ../openapi/openapi.yaml.')
  console.error(`First difference at line ${line + 1}:`)
  console.error(`  committed: ${a[line] ?? '<end of file>'}`)
  console.error(`  generated: ${b[line] ?? '<end of file>'}`)
  console.error('Run "npm run api:gen" and commit src/api/schema.d.ts.')
  process.exit(1)
}
console.log('api:check ok: src/api/schema.d.ts matches the contract.')
