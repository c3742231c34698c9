import { z } from 'zod';
import { ROLES } from '@/lib/domain/roles';

/** Who is signed in, as sealed in the session cookie. Times are epoch seconds. */
export const Session = z.object({
  userId: z.string().min(1),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  /** When the user last proved who they are at the identity provider (id token `auth_time`). */
  authTime: z.number().int().nonnegative(),
  expiresAt: z.number().int().positive(),
});
export type Session = z.infer<typeof Session>;
