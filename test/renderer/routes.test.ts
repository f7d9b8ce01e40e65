import { describe, expect, it } from 'vitest';
import { parseHash, screensByRole } from '../../renderer/src/routes.ts';

describe('renderer/routes', () => {
  it('parses hash routes with parameters', () => {
    expect(parseHash('#/inbox/42')).toEqual({ name: 'inbox', params: ['42'] });
    expect(parseHash('')).toEqual({ name: '', params: [] });
  });

  it('never shows officials a screen with numbers or messages', () => {
    expect(screensByRole.official).toEqual(['heatmap', 'reports']);
    expect(screensByRole.volunteer).not.toContain('monitor');
    expect(screensByRole.admin).toContain('users');
    expect(screensByRole.supervisor).not.toContain('users');
  });
});
