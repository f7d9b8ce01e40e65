import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, isTrustedSender } from '../../main/ipc-sender.ts';

const trusted = { serviceUrl: 'http://127.0.0.1:8080' };
const mainFrame = (url: string) => ({ url, parent: null });

describe('main/ipc-sender', () => {
  it("trusts our renderer's main frame from the service and from the bundled copy", () => {
    expect(isTrustedSender(mainFrame('http://127.0.0.1:8080/console/'), trusted)).toBe(true);
    expect(isTrustedSender(mainFrame('http://127.0.0.1:8080/console/#/inbox'), trusted)).toBe(true);
    expect(isTrustedSender(mainFrame('app://console/index.html'), trusted)).toBe(true);
  });

  it('refuses other origins and other paths of the service', () => {
    expect(isTrustedSender(mainFrame('https://evil.example/console/'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('http://localhost:8080/console/'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('https://127.0.0.1:8080/console/'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('http://127.0.0.1:8080/api/console/'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('http://127.0.0.1:8080/consoles/'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('app://evil/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('file:///tmp/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(mainFrame('about:blank'), trusted)).toBe(false);
  });

  it('refuses a subframe even when it is our own page', () => {
    const top = mainFrame('http://127.0.0.1:8080/console/');
    expect(isTrustedSender({ url: 'http://127.0.0.1:8080/console/', parent: top }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'app://console/index.html', parent: top }, trusted)).toBe(false);
  });

  it('refuses a missing frame (the page navigated away or was destroyed)', () => {
    expect(isTrustedSender(null, trusted)).toBe(false);
    expect(isTrustedSender(undefined, trusted)).toBe(false);
  });

  it('follows the configured address, including a reverse-proxy path prefix', () => {
    const proxied = { serviceUrl: 'https://posko.example.go.id/covid' };
    expect(isTrustedRendererUrl('https://posko.example.go.id/covid/console/', proxied)).toBe(true);
    expect(isTrustedRendererUrl('https://posko.example.go.id/console/', proxied)).toBe(false);
    expect(isTrustedRendererUrl('http://127.0.0.1:8080/console/', proxied)).toBe(false);
  });
});
