/**
 * `npm run package`: builds dist/appPackage/opbakning.zip, the Teams app package (manifest.json, da.json,
 * color.png, outline.png), from manifest/ and the environment, validated offline. Settings and defaults:
 * dev/app-package/manifest.ts and deploy/README.md. Without MicrosoftAppId it builds a demo package.
 */
import { join, relative } from 'node:path';
import { buildAppPackage, findRepoRoot, MANIFEST_VERSION, PackageSettingsError, PackageValidationError } from './app-package/manifest';

async function main(): Promise<number> {
  const root = findRepoRoot(__dirname);
  const outFile = join(root, 'dist', 'appPackage', 'opbakning.zip');
  try {
    const built = await buildAppPackage({ root, env: process.env, outFile });
    for (const warning of built.settings.warnings) process.stderr.write(`\nWARNING: ${warning}\n`);
    const v = built.settings.values;
    process.stdout.write(
      [
        '',
        `Teams app package: ${relative(process.cwd(), built.outFile) || built.outFile}${built.settings.demo ? '  (DEMO – placeholder ids)' : ''}`,
        `  files:        ${built.entries.map((e) => e.name).join(', ')}`,
        `  schema:       Teams manifest v${MANIFEST_VERSION}, validated offline (@microsoft/app-manifest bundled schema)`,
        `  app id:       ${v.APP_ID}   version ${v.APP_VERSION}`,
        `  bot id:       ${v.BOT_ID}   domain ${v.BOT_DOMAIN}`,
        `  SSO:          ${v.AAD_APP_CLIENT_ID}   ${v.AAD_APP_URI}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (e) {
    if (e instanceof PackageSettingsError || e instanceof PackageValidationError) {
      process.stderr.write(`\n${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
