-- DropIndex
DROP INDEX "AuditEvent_action_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_actorId_at_idx";

-- DropIndex
DROP INDEX "AuditEvent_targetType_targetId_idx";

-- CreateTable
CREATE TABLE "AuditShipment" (
    "sink" TEXT NOT NULL,
    "lastSeq" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    "lastAt" TIMESTAMPTZ(3),
    "blobName" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditShipment_pkey" PRIMARY KEY ("sink")
);

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_action_seq_idx" ON "AuditEvent"("action", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_seq_idx" ON "AuditEvent"("targetType", "targetId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_seq_idx" ON "AuditEvent"("outcome", "seq");
