/**
 * `npm install` leaves platform packages the registry cannot describe out of package-lock.json,
 * and `npm ci` then refuses that lock file ("Missing: … from lock file"). This adds an entry
 * for each such optional package, with the os and cpu its name declares, so `npm ci` skips it.
 * Usage, after changing dependencies: npm run lock:repair
 */
const { execSync } = require('node:child_process');
const fs = require('node:fs');

let output;
try {
  // Run from `npm run -s`, the inherited log level would hide the very errors read here.
  output = execSync('npm ci --dry-run --no-audit --no-fund', {
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
} catch (error) {
  output = `${error.stdout}${error.stderr}`;
}
const missing = [...output.matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((match) => match[1]);
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32', 'mips64el'];

for (const name of missing) {
  const parent = Object.values(lock.packages).find((entry) => entry.optionalDependencies?.[name]);
  if (!parent) throw new Error(`${name} is missing but no package lists it as optional: run npm install`);
  const words = name.split('/').pop().split('-');
  const entry = { version: parent.optionalDependencies[name], optional: true };
  if (parent.dev) entry.dev = true;
  const os = words.find((word) => OS.includes(word));
  const cpu = words.find((word) => CPU.includes(word)) ?? words.find((word) => word.startsWith('arm') && 'arm');
  if (os) entry.os = [os];
  if (cpu) entry.cpu = [cpu === 'wasm32' ? 'wasm32' : cpu];
  lock.packages[`node_modules/${name}`] = entry;
}
fs.writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(missing.length ? `added ${missing.length} placeholder entries` : 'lock file already complete');
