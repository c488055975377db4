/**
 * Teams Toolkit style env files: env/.env.<ENV> then env/.env.<ENV>.user (secrets). Variables already
 * in the environment win over both. No file at all is fine: the defaults are local mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

export function loadEnvFiles(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string[] {
  const name = (env.TEAMSFX_ENV ?? env.APP_ENV ?? 'local').replace(/[^a-z0-9-]/gi, '');
  const files = [`env/.env.${name}`, `env/.env.${name}.user`].map((file) => path.join(cwd, file));
  const fromFiles: Record<string, string> = {};
  const loaded: string[] = [];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    Object.assign(fromFiles, dotenv.parse(fs.readFileSync(file)));
    loaded.push(file);
  }
  for (const [key, value] of Object.entries(fromFiles)) {
    if (env[key] === undefined) env[key] = value;
  }
  return loaded;
}
