import type { DbTx } from '../client';

export type NewDrill = {
  title: string;
  scheduledFor: Date;
  environment: string;
  createdBy: { id: string; name: string };
  participants: readonly { userId: string; userName: string; role: string }[];
};

/** A scheduled drill and its participants, in one insert. */
export async function insertDrill(tx: DbTx, drill: NewDrill): Promise<string> {
  const row = await tx.drill.create({
    data: {
      title: drill.title,
      scheduledFor: drill.scheduledFor,
      environment: drill.environment,
      state: 'scheduled',
      createdById: drill.createdBy.id,
      createdByName: drill.createdBy.name,
      participants: { create: drill.participants.map((p) => ({ userId: p.userId, userName: p.userName, role: p.role })) },
    },
    select: { id: true },
  });
  return row.id;
}
