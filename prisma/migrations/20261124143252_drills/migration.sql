-- CreateTable
CREATE TABLE "Drill" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3) NOT NULL,
    "environment" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" TIMESTAMPTZ(3),
    "requestId" UUID,
    "lessonsLearned" TEXT NOT NULL DEFAULT '',
    "followUps" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "Drill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrillParticipant" (
    "id" BIGSERIAL NOT NULL,
    "drillId" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "comment" TEXT,

    CONSTRAINT "DrillParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Drill_requestId_key" ON "Drill"("requestId");

-- CreateIndex
CREATE INDEX "Drill_scheduledFor_idx" ON "Drill"("scheduledFor");

-- CreateIndex
CREATE INDEX "Drill_state_scheduledFor_idx" ON "Drill"("state", "scheduledFor");

-- CreateIndex
CREATE UNIQUE INDEX "DrillParticipant_drillId_userId_key" ON "DrillParticipant"("drillId", "userId");

-- AddForeignKey
ALTER TABLE "Drill" ADD CONSTRAINT "Drill_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrillParticipant" ADD CONSTRAINT "DrillParticipant_drillId_fkey" FOREIGN KEY ("drillId") REFERENCES "Drill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Value checks live in triggers: Prisma's WASM schema engine cannot diff CHECK constraints.
CREATE FUNCTION "drill_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."state" NOT IN ('scheduled', 'requested', 'ran', 'cancelled') OR length(trim(NEW."environment")) = 0 OR length(trim(NEW."title")) = 0 THEN
    RAISE EXCEPTION 'drill: bad state, environment or title' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."requestId" IS NOT NULL AND NEW."requestId" IS DISTINCT FROM OLD."requestId" THEN
    RAISE EXCEPTION 'drill %: its change request cannot be replaced', OLD."id" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Drill_guard" BEFORE INSERT OR UPDATE ON "Drill" FOR EACH ROW EXECUTE FUNCTION "drill_guard"();
