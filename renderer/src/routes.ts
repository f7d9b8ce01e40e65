/**
 * Screens by URL hash (`#/monitor`, `#/inbox/42`) and which roles see which.
 *
 * The hash keeps routing working the same from bot-service's `/console/` and from the desktop
 * app's bundled copy, with no server-side routes.
 */
import { useEffect, useState } from 'react';
import type { Role } from '../../bot-service/contract/auth.ts';
import type { MessageKey } from './i18n/index.tsx';

export const routeNames = ['monitor', 'inbox', 'heatmap', 'reports', 'content', 'hoaxes', 'users'] as const;
export type RouteName = (typeof routeNames)[number];

/** The screens of each role, in the navigation's order; the first is where a login lands. */
export const screensByRole: Record<Role, readonly RouteName[]> = {
  admin: ['monitor', 'inbox', 'heatmap', 'reports', 'content', 'hoaxes', 'users'],
  supervisor: ['monitor', 'inbox', 'heatmap', 'reports', 'content', 'hoaxes'],
  volunteer: ['inbox'],
  // Officials see aggregates only: never a phone number or a message.
  official: ['heatmap', 'reports'],
};

export type Route = { name: string; params: string[] };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] ?? '', params: parts.slice(1) };
}

export function hrefFor(name: RouteName, ...params: Array<string | number>): string {
  return `#/${[name, ...params.map(p => encodeURIComponent(String(p)))].join('/')}`;
}

/** Changes the hash (adds a history entry, so Back works). */
export function navigate(name: RouteName, ...params: Array<string | number>): void {
  window.location.hash = hrefFor(name, ...params);
}

/** The current hash route, updated on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function isRouteName(name: string): name is RouteName {
  return (routeNames as readonly string[]).includes(name);
}

export const roleLabels: Record<Role, MessageKey> = {
  admin: 'role.admin',
  supervisor: 'role.supervisor',
  volunteer: 'role.volunteer',
  official: 'role.official',
};
