/**
 * The console API contract: request, response and event types, written once. bot-service
 * validates with these schemas; the renderer imports their types (`import type` only).
 * Each domain is a namespace, since every domain exports its own `routes` list.
 */
export * as auth from './auth.ts';
export * as content from './content.ts';
export * as hoax from './hoax.ts';
export * as conversations from './conversations.ts';
export * as inbox from './inbox.ts';
export * as privacy from './privacy.ts';
export * as reports from './reports.ts';
export * as stats from './stats.ts';
export * as stream from './stream.ts';
export * as system from './system.ts';
export type { RouteDescription, Role } from './auth.ts';
