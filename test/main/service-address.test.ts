import { describe, expect, it } from 'vitest';
import { describeServiceAddress, parseServiceUrl } from '../../main/service-address.ts';

describe('main/service-address', () => {
  it('normalises good addresses', () => {
    expect(parseServiceUrl(' http://127.0.0.1:8080/ ')).toEqual({ ok: true, value: 'http://127.0.0.1:8080' });
    expect(parseServiceUrl('HTTPS://Posko.Example.go.id/covid/')).toEqual({
      ok: true,
      value: 'https://posko.example.go.id/covid',
    });
  });

  it.each([
    ['not text', 8080],
    ['empty', '  '],
    ['not a URL', '127.0.0.1:8080'],
    ['ftp', 'ftp://127.0.0.1/'],
    ['javascript', 'javascript:alert(1)'],
    ['file', 'file:///etc/passwd'],
    ['credentials', 'http://admin:secret@127.0.0.1:8080'],
    ['query', 'http://127.0.0.1:8080/?token=abc'],
    ['fragment', 'http://127.0.0.1:8080/#x'],
  ])('refuses %s', (_label, input) => {
    expect(parseServiceUrl(input).ok).toBe(false);
  });

  it('derives the console URL and the ws twin, keeping a path prefix', () => {
    expect(describeServiceAddress('http://127.0.0.1:8080')).toEqual({
      url: 'http://127.0.0.1:8080',
      origin: 'http://127.0.0.1:8080',
      socketOrigin: 'ws://127.0.0.1:8080',
      consolePath: '/console/',
      consoleUrl: 'http://127.0.0.1:8080/console/',
    });
    const proxied = describeServiceAddress('https://posko.example.go.id/covid');
    expect(proxied.consoleUrl).toBe('https://posko.example.go.id/covid/console/');
    expect(proxied.socketOrigin).toBe('wss://posko.example.go.id');
  });
});
