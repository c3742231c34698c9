/** Who acts on a drill, as lib/drills needs them (the session's id, name and roles). */
export type DrillActor = { userId: string; name: string; roles: readonly string[] };
