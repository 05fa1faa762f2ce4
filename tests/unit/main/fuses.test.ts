import fs from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * The packaged app's Electron fuses (electron-builder flips them in the binary): what an attacker
 * with the installed app but no code signing key could otherwise do with it.
 */
describe('electron-builder.yml', () => {
  const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, boolean>; asar?: boolean; files?: string[] };

  it('turns off running as plain Node, NODE_OPTIONS and --inspect', () => {
    expect(config.electronFuses?.runAsNode).toBe(false);
    expect(config.electronFuses?.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(config.electronFuses?.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads app code only from an integrity-checked ASAR, encrypts cookies, gives file:// no extra privileges', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses?.onlyLoadAppFromAsar).toBe(true);
    expect(config.electronFuses?.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(config.electronFuses?.enableCookieEncryption).toBe(true);
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('ships no source maps', () => {
    expect(config.files).toContain('!**/*.map');
  });
});
