import { ConfigError, loadConfig, type Config } from './config.js';

/**
 * For the server and the operator commands: a bad configuration prints the one list of what to fix
 * (no stack trace) and exits with status 78 (EX_CONFIG, so systemd does not restart in a loop).
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78);
  }
}
