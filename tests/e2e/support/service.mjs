// Builds and starts the real OutlookCrm service for the end-to-end tests and the pane benchmark.
// Plain ESM JavaScript (not TypeScript) so bench/pane-load.mjs can import it with node alone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place (tests/e2e/support): CI clones the repo elsewhere. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const distPath = join(repoRoot, 'addin', 'dist');
const serviceProject = join(repoRoot, 'service');
const serviceDll = join(serviceProject, 'bin', 'Debug', 'net10.0', 'OutlookCrm.Service.dll');

function log(message) {
  process.stderr.write(`[e2e service] ${message}\n`);
}

export function buildService() {
  const started = Date.now();
  const result = spawnSync('dotnet', ['build', serviceProject, '--nologo', '-v', 'q'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  if (result.error) throw new Error(`Could not run dotnet build: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`dotnet build ${serviceProject} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  log(`service built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function checkPaneBuilt() {
  if (!existsSync(join(distPath, 'taskpane.html'))) {
    throw new Error(
      `The task pane is not built: ${join(distPath, 'taskpane.html')} is missing. ` +
        'Run "npm ci && npm run build" in addin/ before the end-to-end tests (scripts/test.sh does this).',
    );
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForReady(baseUrl, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.exitCode !== null ? `with code ${child.exitCode}` : `on ${child.signalCode}`;
      throw new Error(`The service exited ${how} before it was ready:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`The service was not ready within ${timeoutMs / 1000} s (GET ${baseUrl}/health/ready):\n${output.join('')}`);
}

/**
 * Builds (unless build: false) and starts the service on a free loopback port with a fresh SQLite
 * data directory. Resolves with { baseUrl, stop }; stop() ends the process and removes the directory.
 * `configuration`: extra settings as environment variables (e.g. Intake__ManualDelivery), for a test
 * file that needs a service configured unlike the shared one.
 */
export async function startService({ build = true, readyTimeoutMs = 60_000, configuration = {} } = {}) {
  checkPaneBuilt();
  // E2E_SERVICE_DLL runs an already built service (another build or a deployed copy) instead.
  const dll = process.env.E2E_SERVICE_DLL ? resolve(process.env.E2E_SERVICE_DLL) : serviceDll;
  if (build && !process.env.E2E_SERVICE_DLL) buildService();
  if (!existsSync(dll)) throw new Error(`The service build output is missing: ${dll}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'outlookcrm-e2e-'));
  const output = [];
  const child = spawn('dotnet', [dll], {
    cwd: dirname(dll),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ASPNETCORE_URLS: baseUrl,
      Database__DataDirectory: dataDirectory,
      Pane__DistPath: distPath,
      Logging__LogLevel__Default: 'Warning',
      // Every browser of the run shares 127.0.0.1, so the per-IP bucket for anonymous calls
      // (/api/auth/config, /dev/token: 120 a minute, 20 at once) would see one very busy person and
      // refuse the 20th pane load in a row. Rate limits have their own service tests.
      RateLimits__AnonymousPermitsPerMinute: '60000',
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
      ...configuration,
    },
  });
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    rmSync(dataDirectory, { recursive: true, force: true });
  };

  try {
    await waitForReady(baseUrl, child, output, readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`service ready at ${baseUrl} (data in ${dataDirectory})`);
  return { baseUrl, stop, output };
}
