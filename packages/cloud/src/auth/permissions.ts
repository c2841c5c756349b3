/**
 * The role × permission table. Every route names one permission; the server checks it
 * for users (their role) and for API tokens (their scopes AND the current role of the member
 * who created them, so demoting a member also narrows their tokens). README renders this
 * same table, and a test walks every route × role.
 */
export const ROLES = ['owner', 'admin', 'member', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  'org:read': { roles: ALL, about: 'see the organisation, its plan and your own identity' },
  'org:create': { roles: ALL, about: 'create another organisation (you become its owner)' },
  'org:write': { roles: ['owner', 'admin'], about: 'rename, switch ZDR on/off (Individual/Pro), set retention (Enterprise)' },
  'org:plan': { roles: ['owner'], about: 'change the plan' },
  'members:read': { roles: ['owner', 'admin', 'auditor'], about: 'list members and roles' },
  'members:write': { roles: ['owner', 'admin'], about: 'change roles, remove members (only an owner touches owners)' },
  'invitations:read': { roles: ['owner', 'admin'], about: 'list invitations' },
  'invitations:write': { roles: ['owner', 'admin'], about: 'invite people, revoke invitations' },
  'tokens:read': { roles: ALL, about: 'list API tokens (your own; owners and admins see all)' },
  'tokens:write': { roles: ALL, about: 'create and revoke API tokens (your own; owners and admins revoke any)' },
  'policy:read': { roles: ALL, about: 'read the current policy (agents pull it)' },
  'policy:write': { roles: ['owner', 'admin'], about: 'publish a new policy version' },
  'events:write': { roles: ['owner', 'admin', 'member'], about: 'send audit events (agents)' },
  'audit:read': { roles: ALL, about: 'read checkpoints, entries and proofs' },
  'audit:export': { roles: ['owner', 'admin', 'auditor'], about: 'export the whole log with proofs' },
  'telemetry:write': { roles: ALL, about: 'send anonymous usage counts' },
} as const satisfies Record<string, { roles: readonly Role[]; about: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Permissions a token may carry as scopes (org:create and org:plan need a person logged in). */
export const TOKEN_SCOPES = PERMISSION_NAMES.filter((p) => p !== 'org:create' && p !== 'org:plan');

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/** The README table: one row per permission, one column per role. */
export function permissionTableMarkdown(): string {
  const head = `| permission | ${ROLES.join(' | ')} | what it allows |\n|---|${ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = PERMISSION_NAMES.map(
    (p) => `| \`${p}\` | ${ROLES.map((r) => (roleAllows(r, p) ? '✓' : '')).join(' | ')} | ${PERMISSIONS[p].about} |`,
  );
  return [head, ...rows].join('\n');
}
