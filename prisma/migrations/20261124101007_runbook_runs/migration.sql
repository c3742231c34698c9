-- CreateTable
CREATE TABLE "RunbookRun" (
    "id" UUID NOT NULL,
    "requestId" UUID,
    "kind" TEXT NOT NULL,
    "planDigest" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "abortRequestedAt" TIMESTAMPTZ(3),
    "abortRequestedBy" TEXT,
    "error" TEXT,
    "executorId" TEXT,
    "leaseExpiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "RunbookRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookStep" (
    "id" BIGSERIAL NOT NULL,
    "runId" UUID NOT NULL,
    "stepId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT NOT NULL,
    "optional" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "output" JSONB,
    "error" TEXT,

    CONSTRAINT "RunbookStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RunbookRun_state_startedAt_idx" ON "RunbookRun"("state", "startedAt");

-- CreateIndex
CREATE INDEX "RunbookRun_requestId_idx" ON "RunbookRun"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookStep_idempotencyKey_key" ON "RunbookStep"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookStep_runId_stepId_key" ON "RunbookStep"("runId", "stepId");

-- AddForeignKey
ALTER TABLE "RunbookRun" ADD CONSTRAINT "RunbookRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookStep" ADD CONSTRAINT "RunbookStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RunbookRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Value checks live in triggers: Prisma's WASM schema engine cannot diff CHECK constraints.
-- A finished run or step is final: resuming must never rewrite what already happened.
CREATE FUNCTION "runbook_run_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" NOT IN ('failover', 'failback', 'drill')
     OR NEW."state" NOT IN ('running', 'succeeded', 'failed', 'aborted', 'degraded') THEN
    RAISE EXCEPTION 'runbook run: bad kind or state' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' AND NEW."state" <> 'running' THEN
    RAISE EXCEPTION 'a runbook run starts as running' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."state" <> 'running' AND to_jsonb(NEW) <> to_jsonb(OLD) THEN
    RAISE EXCEPTION 'runbook run % is % and final', OLD."id", OLD."state" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "RunbookRun_guard" BEFORE INSERT OR UPDATE ON "RunbookRun"
  FOR EACH ROW EXECUTE FUNCTION "runbook_run_guard"();

CREATE FUNCTION "runbook_step_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."state" NOT IN ('pending', 'running', 'succeeded', 'failed', 'skipped', 'aborted')
     OR NEW."attempt" < 0 OR NEW."idempotencyKey" <> NEW."runId"::text || ':' || NEW."stepId" THEN
    RAISE EXCEPTION 'runbook step: bad state, attempt or idempotency key' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."state" NOT IN ('pending', 'running') AND to_jsonb(NEW) <> to_jsonb(OLD) THEN
    RAISE EXCEPTION 'runbook step % is % and final', OLD."idempotencyKey", OLD."state" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "RunbookStep_guard" BEFORE INSERT OR UPDATE ON "RunbookStep"
  FOR EACH ROW EXECUTE FUNCTION "runbook_step_guard"();
