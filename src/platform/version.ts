/** The service's version, from package.json: one place for /health, the CLI's --version and the client. */
import pkg from '../../package.json' with { type: 'json' };

export const SERVICE_VERSION: string = pkg.version;
