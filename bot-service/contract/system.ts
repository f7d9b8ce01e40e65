import { z } from 'zod';
import { allRoles, type RouteDescription } from './auth.ts';
import { Day } from './reports.ts';

/**
 * What the console needs to know about the service itself (issue 5 item 3): whether it runs in
 * demo mode, and whether its figures include a made-up demo history, so every screen can say so.
 */

export const DemoHistory = z.object({
  /** First and last WIB day of the made-up history, both included. */
  from: Day,
  to: Day,
  conversations: z.number().int(),
});
export type DemoHistory = z.infer<typeof DemoHistory>;

export const SystemInfoResponse = z.object({
  /** The service runs in demo mode (`npm start`): the WhatsApp side is the simulator. */
  demo: z.boolean(),
  /** Present when the database holds a demo history: those days' figures are not real. */
  demoHistory: DemoHistory.nullable(),
});
export type SystemInfoResponse = z.infer<typeof SystemInfoResponse>;

export const routes = [
  { method: 'GET', url: '/api/system/info', roles: allRoles, response: SystemInfoResponse },
] as const satisfies readonly RouteDescription[];
