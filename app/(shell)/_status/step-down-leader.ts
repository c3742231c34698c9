'use server';

import { z } from 'zod';
import { secureAction } from '@/lib/actions/secure-action';
import { requestLeaderStepDown } from '@/lib/db/workers/request-leader-step-down';
import { ExpectedFailure } from '@/lib/domain/errors';

/** Admin maintenance: ask the leading worker to hand over to a standby worker (audited). */
export const stepDownLeader = secureAction({
  action: 'control-plane.step-down',
  roles: ['Admin'],
  input: z.object({ workerId: z.string().min(1).max(200) }),
  target: (input) => ({ type: 'worker', id: input.workerId }),
  revalidate: ['/'],
  run: async ({ input, tx }) => {
    const applied = await requestLeaderStepDown(tx, input.workerId);
    if (!applied) throw new ExpectedFailure(`Worker ${input.workerId} is no longer the leader, or a handover is already pending.`);
    return { data: input.workerId, message: `Asked ${input.workerId} to hand over leadership; a standby worker takes over within seconds.` };
  },
});
