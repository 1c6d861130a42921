import type { Role } from '@anju/contracts';

/** The signed-in user as every service sees it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  roles: Role[];
  /** Subtree roots of the user's scope, as place paths ('/1/5/'). */
  scopes: { id: number; path: string }[];
  csrfToken: string;
  sessionHash: string;
  mustChangePassword: boolean;
}

/** Who is acting and from where: passed to services for access checks and the audit log. */
export interface Ctx {
  actor: Actor;
  ip: string;
  requestId: string;
}

/** Context for work done by the system itself (CLI, jobs). */
export interface SystemCtx {
  actor: null;
  ip: string;
  requestId: string;
}
