-- CreateTable
CREATE TABLE "ProbeSample" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "cycleId" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "latencyMs" INTEGER,
    "error" TEXT,
    "metrics" JSONB NOT NULL,

    CONSTRAINT "ProbeSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeRollup" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "component" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "samples" INTEGER NOT NULL,
    "okSamples" INTEGER NOT NULL,
    "avgLatencyMs" DOUBLE PRECISION,
    "maxLatencyMs" INTEGER,
    "lagSecondsMax" DOUBLE PRECISION,

    CONSTRAINT "ProbeRollup_pkey" PRIMARY KEY ("hour","component","region","target")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" BIGSERIAL NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "firedAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" BIGSERIAL NOT NULL,
    "alertId" BIGINT NOT NULL,
    "event" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProbeSample_component_region_target_at_idx" ON "ProbeSample"("component", "region", "target", "at");

-- CreateIndex
CREATE INDEX "ProbeSample_at_idx" ON "ProbeSample"("at");

-- CreateIndex
CREATE INDEX "Alert_state_firedAt_idx" ON "Alert"("state", "firedAt");

-- CreateIndex
CREATE INDEX "Alert_dedupKey_state_idx" ON "Alert"("dedupKey", "state");

-- CreateIndex
CREATE INDEX "Notification_status_nextAttemptAt_idx" ON "Notification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Notification_alertId_idx" ON "Notification"("alertId");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one firing alert per condition: an alert fires once, even with two evaluators racing.
CREATE UNIQUE INDEX "Alert_one_firing_per_dedupKey" ON "Alert"("dedupKey") WHERE "state" = 'firing';
