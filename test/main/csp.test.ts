import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, withContentSecurityPolicy } from '../../main/csp.ts';

/** Directive name → sources, as a browser would split the header. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe('main/csp', () => {
  it("starts from default-src 'none' and script-src 'self' only", () => {
    const csp = parseCsp(buildContentSecurityPolicy('http://127.0.0.1:8080'));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('never allows inline script or eval', () => {
    const policy = buildContentSecurityPolicy('https://posko.example.go.id');
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain('*');
  });

  it('connects only to the configured service origin and its ws twin', () => {
    const http = parseCsp(buildContentSecurityPolicy('http://127.0.0.1:8080'));
    expect(http.get('connect-src')).toEqual(['http://127.0.0.1:8080', 'ws://127.0.0.1:8080']);

    const https = parseCsp(buildContentSecurityPolicy('https://posko.example.go.id/covid'));
    expect(https.get('connect-src')).toEqual(['https://posko.example.go.id', 'wss://posko.example.go.id']);
  });

  it('allows images from self and data: and styles and fonts from self', () => {
    const csp = parseCsp(buildContentSecurityPolicy('http://127.0.0.1:8080'));
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });

  it('adds the policy to response headers and keeps a policy the server sent', () => {
    const headers = withContentSecurityPolicy(
      { 'content-type': ['text/html'], 'content-security-policy': ["default-src 'self'"] },
      'http://127.0.0.1:8080'
    );
    expect(headers['content-type']).toEqual(['text/html']);
    expect(headers['content-security-policy']).toHaveLength(2);
    expect(headers['content-security-policy']?.[1]).toBe(buildContentSecurityPolicy('http://127.0.0.1:8080'));
    const fresh = withContentSecurityPolicy(undefined, 'http://127.0.0.1:8080');
    expect(fresh['Content-Security-Policy']).toEqual([buildContentSecurityPolicy('http://127.0.0.1:8080')]);
  });
});
