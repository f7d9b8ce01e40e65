import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from '../../main/permission-policy.ts';

const trusted = { serviceUrl: 'http://127.0.0.1:8080' };

describe('main/permission-policy', () => {
  it('grants notifications to our renderer, by URL or by origin', () => {
    expect(isPermissionAllowed('notifications', 'http://127.0.0.1:8080/console/', trusted)).toBe(true);
    expect(isPermissionAllowed('notifications', 'http://127.0.0.1:8080', trusted)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://console/index.html', trusted)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://console', trusted)).toBe(true);
  });

  it.each([
    'media',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'openExternal',
    'fullscreen',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'unknown',
  ])('denies %s even to our renderer', permission => {
    expect(isPermissionAllowed(permission, 'http://127.0.0.1:8080/console/', trusted)).toBe(false);
    expect(isPermissionAllowed(permission, 'app://console', trusted)).toBe(false);
  });

  it('denies notifications to other origins', () => {
    expect(isPermissionAllowed('notifications', 'https://evil.example/', trusted)).toBe(false);
    expect(isPermissionAllowed('notifications', 'http://127.0.0.1:9999', trusted)).toBe(false);
    expect(isPermissionAllowed('notifications', 'file:///tmp/x.html', trusted)).toBe(false);
    expect(isPermissionAllowed('notifications', '', trusted)).toBe(false);
  });
});
