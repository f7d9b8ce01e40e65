import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  parseAllowedExternalUrl,
} from '../../main/navigation-policy.ts';

const trusted = { serviceUrl: 'http://127.0.0.1:8080' };
const allowlist = ['www.who.int', 'covid19.go.id'];

describe('main/navigation-policy', () => {
  it('allows navigation inside our renderer', () => {
    expect(decideNavigation('http://127.0.0.1:8080/console/', trusted, allowlist)).toEqual({ action: 'allow' });
    expect(decideNavigation('http://127.0.0.1:8080/console/inbox?x=1', trusted, allowlist)).toEqual({ action: 'allow' });
    expect(decideNavigation('app://console/index.html', trusted, allowlist)).toEqual({ action: 'allow' });
  });

  it('opens allowlisted https sites externally instead of navigating', () => {
    expect(decideNavigation('https://www.who.int/emergencies', trusted, allowlist)).toEqual({
      action: 'open-external',
      url: 'https://www.who.int/emergencies',
    });
    expect(decideWindowOpen('https://covid19.go.id/', allowlist)).toEqual({
      action: 'open-external',
      url: 'https://covid19.go.id/',
    });
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['file:', 'file:///etc/passwd'],
    ['plain http to an allowlisted host', 'http://www.who.int/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['lookalike suffix', 'https://www.who.int.evil.example/'],
    ['lookalike prefix', 'https://evil-www.who.int/'],
    ['subdomain of an allowlisted host', 'https://phish.covid19.go.id/'],
    ['credentials before the host', 'https://www.who.int@evil.example/'],
    ['credentials on an allowlisted host', 'https://user:pw@www.who.int/'],
    ['non-default port', 'https://www.who.int:8443/'],
    ['trailing-dot host', 'https://www.who.int./'],
    ['unicode lookalike', 'https://www.whо.int/'],
    ['service outside /console/', 'http://127.0.0.1:8080/api/export'],
    ['service on another port', 'http://127.0.0.1:8081/console/'],
    ['garbage', 'not a url'],
  ])('denies %s', (_label, url) => {
    expect(decideNavigation(url, trusted, allowlist).action).toBe('deny');
    expect(decideWindowOpen(url, allowlist).action).toBe('deny');
    expect(parseAllowedExternalUrl(url, allowlist)).toBeNull();
  });

  it('never opens a new Electron window, even for our own console', () => {
    expect(decideWindowOpen('http://127.0.0.1:8080/console/', allowlist).action).toBe('deny');
    expect(decideWindowOpen('app://console/index.html', allowlist).action).toBe('deny');
  });

  it('does not copy query strings (tokens) into the deny reason', () => {
    const decision = decideNavigation('https://evil.example/steal?token=secret-123', trusted, allowlist);
    expect(decision.action).toBe('deny');
    expect(JSON.stringify(decision)).not.toContain('secret-123');
  });
});
