-- DropIndex
DROP INDEX "ApprovalDecision_requestId_approverId_key";

-- DropIndex
DROP INDEX "ApprovalDecision_requestId_idx";

-- CreateIndex
CREATE INDEX "ApprovalDecision_requestId_approverId_idx" ON "ApprovalDecision"("requestId", "approverId");

-- Each approver counts once per plan: a decision voided by a plan change frees its approver to
-- review the new plan, while two live decisions by one person stay impossible.
CREATE UNIQUE INDEX "ApprovalDecision_one_live_per_approver" ON "ApprovalDecision"("requestId", "approverId") WHERE "voidedAt" IS NULL;
