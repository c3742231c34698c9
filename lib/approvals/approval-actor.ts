import type { Role } from '@/lib/domain/roles';

/** The signed-in person acting on a request (authTime from the id token, epoch seconds). */
export type ApprovalActor = { userId: string; name: string; roles: readonly Role[]; authTime: number };
