-- CreateTable
CREATE TABLE "ReplicationRun" (
    "id" BIGSERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "requestedBy" TEXT,
    "state" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "durationMs" INTEGER,
    "bytes" BIGINT,
    "error" TEXT,
    "details" JSONB NOT NULL,

    CONSTRAINT "ReplicationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReplicationRun_job_target_startedAt_idx" ON "ReplicationRun"("job", "target", "startedAt");

-- CreateIndex
CREATE INDEX "ReplicationRun_state_startedAt_idx" ON "ReplicationRun"("state", "startedAt");
