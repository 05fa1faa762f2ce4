import { describe, expect, it } from 'vitest';
import { allowPermission } from '../../../src/main/security/permissions';
import { trustedOrigins } from '../../../src/main/security/origins';

/** Only the camera, only for our own page, whichever handler asks. */
describe('permissions', () => {
  const ours = trustedOrigins('app://fixpoint', null);
  it('grants the camera (video only) to app://fixpoint in the main frame', () => {
    expect(allowPermission({ permission: 'media', origin: 'app://fixpoint/index.html', mediaTypes: ['video'], mainFrame: true }, ours)).toBe(true);
    expect(allowPermission({ permission: 'media', origin: 'app://fixpoint', mediaTypes: ['video'] }, ours)).toBe(true); // check handler: an origin
  });
  it.each([
    [{ permission: 'media', origin: 'app://fixpoint/index.html', mediaTypes: ['audio', 'video'] }, 'the microphone with it'],
    [{ permission: 'media', origin: 'app://fixpoint/index.html', mediaTypes: ['audio'] }, 'the microphone'],
    [{ permission: 'media', origin: 'app://fixpoint/index.html', mediaTypes: [] }, 'media of no stated kind'],
    [{ permission: 'media', origin: 'app://fixpoint/index.html', mediaTypes: ['unknown'] }, 'media of unknown kind'],
    [{ permission: 'media', origin: 'app://fixpoint/index.html', mediaTypes: ['video'], mainFrame: false }, 'a subframe'],
    [{ permission: 'media', origin: 'https://evil.example/', mediaTypes: ['video'] }, 'another origin'],
    [{ permission: 'media', origin: 'app://fixpoint.evil.example/', mediaTypes: ['video'] }, 'a look-alike host'],
    [{ permission: 'media', origin: 'http://localhost:5173/', mediaTypes: ['video'] }, 'the dev server of a packaged app'],
    [{ permission: 'geolocation', origin: 'app://fixpoint/' }, 'geolocation'],
    [{ permission: 'notifications', origin: 'app://fixpoint/' }, 'notifications'],
    [{ permission: 'clipboard-read', origin: 'app://fixpoint/' }, 'reading the clipboard'],
    [{ permission: 'openExternal', origin: 'app://fixpoint/' }, 'opening external programs'],
    [{ permission: 'hid', origin: 'app://fixpoint/' }, 'HID devices'],
  ])('refuses %j (%s)', (ask, _why) => {
    expect(allowPermission(ask, ours)).toBe(false);
  });
  it('in development the dev server is ours too', () => {
    const dev = trustedOrigins('app://fixpoint', 'http://localhost:5173/');
    expect(allowPermission({ permission: 'media', origin: 'http://localhost:5173/', mediaTypes: ['video'] }, dev)).toBe(true);
  });
});
