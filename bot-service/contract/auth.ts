import { z } from 'zod';

/**
 * Accounts, sessions and the audit log (issue 4).
 *
 * Route descriptions: `request` is the query string for GET and the JSON body otherwise;
 * `roles: 'public'` marks the one route that needs no session (login).
 */

/** Epoch ms. */
const EpochMs = z.number().int();

export const Role = z.enum(['admin', 'supervisor', 'volunteer', 'official']);
export type Role = z.infer<typeof Role>;
export const allRoles: readonly Role[] = Role.options;

/** One route of the console API, for the generated OpenAPI document. */
export type RouteDescription = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  roles: readonly Role[] | 'public';
  request?: z.ZodType;
  response: z.ZodType;
};

export const ErrorResponse = z.object({ error: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Letters, digits, dot, dash and underscore; compared case-insensitively. */
export const Username = z
  .string()
  .trim()
  .min(3, 'at least 3 characters')
  .max(32, 'at most 32 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore only');

export const Password = z.string().min(8, 'at least 8 characters').max(256, 'at most 256 characters');

export const DisplayName = z.string().trim().min(1, 'must not be empty').max(80, 'at most 80 characters');

/** The signed-in user as routes see it (`request.user`). */
export const SessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  displayName: z.string().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

// Login takes any strings (no format rules): a malformed username is just a failed login.
export const LoginRequest = z.strictObject({
  username: z.string().min(1, 'required').max(256, 'too long'),
  password: z.string().min(1, 'required').max(1024, 'too long'),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string(),
  /** The session ends at this time unless used again (12 h, sliding). */
  expiresAt: EpochMs,
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: SessionUser, expiresAt: EpochMs });
export type MeResponse = z.infer<typeof MeResponse>;

export const LogoutResponse = z.object({ ok: z.literal(true) });
export type LogoutResponse = z.infer<typeof LogoutResponse>;

/** A console account as admins see it. */
export const UserView = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  displayName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  lastLoginAt: EpochMs.nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const UserListResponse = z.object({ users: z.array(UserView) });
export type UserListResponse = z.infer<typeof UserListResponse>;

export const UserResponse = z.object({ user: UserView });
export type UserResponse = z.infer<typeof UserResponse>;

export const CreateUserRequest = z.strictObject({
  username: Username,
  password: Password,
  role: Role,
  displayName: DisplayName.nullable().optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** Every field optional, at least one given. A new role, disabling or a new password ends the user's sessions. */
export const UpdateUserRequest = z
  .strictObject({
    role: Role.optional(),
    disabled: z.boolean().optional(),
    displayName: DisplayName.nullable().optional(),
    password: Password.optional(),
  })
  .refine(v => Object.values(v).some(x => x !== undefined), { message: 'nothing to change' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const UserIdParams = z.strictObject({ id: z.coerce.number().int().positive() });

export const RevokeSessionsResponse = z.object({ revoked: z.number().int() });
export type RevokeSessionsResponse = z.infer<typeof RevokeSessionsResponse>;

/** Query of `GET /api/audit`: newest first; pass `nextBefore` as `before` for the next page. */
export const AuditQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  actor: z.coerce.number().int().positive().optional(),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9._-]{0,63}$/, 'an action name like auth.login or user.update')
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: EpochMs,
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const routes = [
  { method: 'POST', url: '/api/auth/login', roles: 'public', request: LoginRequest, response: LoginResponse },
  { method: 'POST', url: '/api/auth/logout', roles: allRoles, response: LogoutResponse },
  { method: 'GET', url: '/api/auth/me', roles: allRoles, response: MeResponse },
  { method: 'GET', url: '/api/users', roles: ['admin'], response: UserListResponse },
  { method: 'POST', url: '/api/users', roles: ['admin'], request: CreateUserRequest, response: UserResponse },
  { method: 'PATCH', url: '/api/users/:id', roles: ['admin'], request: UpdateUserRequest, response: UserResponse },
  { method: 'POST', url: '/api/users/:id/revoke-sessions', roles: ['admin'], response: RevokeSessionsResponse },
  { method: 'GET', url: '/api/audit', roles: ['admin'], request: AuditQuery, response: AuditPage },
] as const satisfies readonly RouteDescription[];
