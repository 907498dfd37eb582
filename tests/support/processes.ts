/**
 * The service and its CLI as real child processes, the way an operator runs them: `npm start` is
 * `src/node.ts` under tsx, `npm run cli --` is `tsx src/cli.ts`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

export const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** The parent's environment without anything of ours that would leak into a child's configuration. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('ECO_') || ['NODE_ENV', 'PORT', 'HOST', 'DATA_DIR', 'MAX_BODY_BYTES', 'PUBLIC_BASE_URL'].includes(k) || k.startsWith('METRICS_'))
      continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface Server {
  base: string;
  process: ChildProcess;
  /** Everything the process printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts `src/node.ts` and resolves once it listens (PORT=0 picks a free port). */
export function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(TSX, ['src/node.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${out}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ base: m[1], process: child, output: () => out, stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
}

export interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a script to its end and gives its exit code and output, whatever the code. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Exit> {
  return new Promise((resolve) => {
    const child = execFile(TSX, [script, ...args], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export const cli = (env: NodeJS.ProcessEnv, ...args: string[]) => runScript('src/cli.ts', args, env);
