/**
 * The Node side of configuration: the environment checked against the one schema before anything is
 * opened or written, and the exit an operator sees when it is wrong.
 */
import { parseConfig, type ServiceConfig } from '../platform/config.js';

/** sysexits' EX_CONFIG: a service manager can tell "fix the configuration" from a crash (systemd: RestartPreventExitStatus=78). */
export const EXIT_CONFIG = 78;

export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function nodeConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const result = parseConfig(env, 'node');
  if (!result.ok) throw new ConfigError(result.errors);
  return result.config;
}

/** For entry points: the configuration, or one line per bad variable on stderr and exit 78. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  try {
    return nodeConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.lines) process.stderr.write(`config error: ${line}\n`);
    process.exit(EXIT_CONFIG);
  }
}
