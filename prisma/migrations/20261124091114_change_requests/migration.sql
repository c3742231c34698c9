-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "plan" JSONB NOT NULL,
    "planDigest" TEXT NOT NULL,
    "preflight" JSONB NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "approversRequired" INTEGER NOT NULL,
    "breakGlass" BOOLEAN NOT NULL DEFAULT false,
    "justification" TEXT,
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "executionStartedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "approverId" TEXT NOT NULL,
    "approverName" TEXT NOT NULL,
    "approverRoles" TEXT[],
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL,
    "planDigest" TEXT NOT NULL,
    "authTime" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "voidedAt" TIMESTAMPTZ(3),
    "breakGlass" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ApprovalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRequestTransition" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,

    CONSTRAINT "ChangeRequestTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeNotification" (
    "id" BIGSERIAL NOT NULL,
    "requestId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeNotification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeRequest_state_requestedAt_idx" ON "ChangeRequest"("state", "requestedAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_requestedById_requestedAt_idx" ON "ChangeRequest"("requestedById", "requestedAt");

-- CreateIndex
CREATE INDEX "ApprovalDecision_requestId_idx" ON "ApprovalDecision"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalDecision_requestId_approverId_key" ON "ApprovalDecision"("requestId", "approverId");

-- CreateIndex
CREATE INDEX "ChangeRequestTransition_requestId_at_idx" ON "ChangeRequestTransition"("requestId", "at");

-- CreateIndex
CREATE INDEX "ChangeNotification_status_nextAttemptAt_idx" ON "ChangeNotification"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "ChangeNotification_requestId_idx" ON "ChangeNotification"("requestId");

-- AddForeignKey
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequestTransition" ADD CONSTRAINT "ChangeRequestTransition_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeNotification" ADD CONSTRAINT "ChangeNotification_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The two-person rule, enforced by the database as well as by lib/approvals: whatever code runs,
-- these rows cannot describe a self-approval, a stale-digest approval or an unapproved execution.
-- Value checks live in the triggers: Prisma's WASM schema engine cannot diff CHECK constraints.

-- Approvals that count: approve, not voided, for this digest, not expired, not by the requester.
CREATE FUNCTION "change_request_valid_approvals"(request_id UUID, digest TEXT, requester TEXT) RETURNS INTEGER LANGUAGE sql STABLE AS $$
  SELECT count(*)::INTEGER FROM "ApprovalDecision"
  WHERE "requestId" = request_id AND "decision" = 'approve' AND "voidedAt" IS NULL
    AND "planDigest" = digest AND "expiresAt" > now() AND "approverId" <> requester
$$;

CREATE FUNCTION "approval_decision_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  request "ChangeRequest"%ROWTYPE;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ApprovalDecision rows are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- The only change allowed: voiding a live decision (its plan changed).
    IF OLD."voidedAt" IS NULL AND NEW."voidedAt" IS NOT NULL
       AND (to_jsonb(NEW) - 'voidedAt') = (to_jsonb(OLD) - 'voidedAt') THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ApprovalDecision rows are immutable except for voiding' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."decision" NOT IN ('approve', 'deny') OR length(trim(NEW."comment")) = 0 THEN
    RAISE EXCEPTION 'a decision is approve or deny, with a comment' USING ERRCODE = 'check_violation';
  END IF;
  SELECT * INTO request FROM "ChangeRequest" WHERE "id" = NEW."requestId" FOR UPDATE;
  IF NEW."approverId" = request."requestedById" THEN
    RAISE EXCEPTION 'two-person rule: the requester cannot decide on their own request' USING ERRCODE = 'check_violation';
  END IF;
  IF request."state" <> 'pending' THEN
    RAISE EXCEPTION 'two-person rule: request % is %, not pending', request."id", request."state" USING ERRCODE = 'check_violation';
  END IF;
  IF request."expiresAt" <= now() THEN
    RAISE EXCEPTION 'two-person rule: request % has expired', request."id" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."planDigest" <> request."planDigest" THEN
    RAISE EXCEPTION 'two-person rule: decision for plan % but the request''s plan is %', NEW."planDigest", request."planDigest" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ApprovalDecision_guard" BEFORE INSERT OR UPDATE OR DELETE ON "ApprovalDecision"
  FOR EACH ROW EXECUTE FUNCTION "approval_decision_guard"();

CREATE FUNCTION "change_request_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ChangeRequest rows are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."kind" NOT IN ('failover', 'failback', 'drill') OR NEW."approversRequired" < 1
     OR NEW."state" NOT IN ('draft', 'pending', 'approved', 'executing', 'done', 'failed', 'denied', 'expired', 'cancelled') THEN
    RAISE EXCEPTION 'change request: bad kind, state or quorum' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."breakGlass" AND (NEW."justification" IS NULL OR length(trim(NEW."justification")) < 10 OR NOT NEW."needsReview") THEN
    RAISE EXCEPTION 'break-glass needs a justification of at least 10 characters and a review mark' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."state" NOT IN ('draft', 'pending') OR NEW."breakGlass" OR NEW."executionStartedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'a change request starts as draft or pending' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW."requestedById" <> OLD."requestedById" OR NEW."kind" <> OLD."kind" OR NEW."requestedAt" <> OLD."requestedAt" THEN
    RAISE EXCEPTION 'who asked, for what and when cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."planDigest" <> OLD."planDigest" AND OLD."state" NOT IN ('draft', 'pending') THEN
    RAISE EXCEPTION 'the plan of a % request cannot change', OLD."state" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."approversRequired" <> OLD."approversRequired" AND NOT (NEW."breakGlass" AND NOT OLD."breakGlass") THEN
    RAISE EXCEPTION 'the quorum changes only through break-glass' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."state" IS DISTINCT FROM OLD."state" AND NOT (
       (OLD."state" = 'draft' AND NEW."state" IN ('pending', 'cancelled'))
    OR (OLD."state" = 'pending' AND NEW."state" IN ('approved', 'denied', 'expired', 'cancelled'))
    OR (OLD."state" = 'approved' AND NEW."state" IN ('executing', 'expired', 'cancelled'))
    OR (OLD."state" = 'executing' AND NEW."state" IN ('done', 'failed'))) THEN
    RAISE EXCEPTION 'a change request cannot go from % to %', OLD."state", NEW."state" USING ERRCODE = 'check_violation';
  END IF;
  IF NEW."state" IN ('approved', 'executing') AND OLD."state" <> NEW."state" THEN
    IF EXISTS (SELECT 1 FROM "ApprovalDecision" WHERE "requestId" = NEW."id" AND "decision" = 'deny' AND "voidedAt" IS NULL) THEN
      RAISE EXCEPTION 'two-person rule: request % was denied', NEW."id" USING ERRCODE = 'check_violation';
    END IF;
    IF "change_request_valid_approvals"(NEW."id", NEW."planDigest", NEW."requestedById") < NEW."approversRequired" THEN
      RAISE EXCEPTION 'two-person rule: request % lacks its % valid approvals', NEW."id", NEW."approversRequired" USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."expiresAt" <= now() THEN
      RAISE EXCEPTION 'two-person rule: request % has expired', NEW."id" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW."state" = 'executing' AND OLD."state" <> 'executing' THEN
    IF OLD."executionStartedAt" IS NOT NULL THEN
      RAISE EXCEPTION 'request % has already been executed', NEW."id" USING ERRCODE = 'check_violation';
    END IF;
    NEW."executionStartedAt" := now();
  ELSIF NEW."executionStartedAt" IS DISTINCT FROM OLD."executionStartedAt" THEN
    RAISE EXCEPTION 'executionStartedAt is set only when execution starts' USING ERRCODE = 'check_violation';
  END IF;
  NEW."updatedAt" := now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ChangeRequest_guard" BEFORE INSERT OR UPDATE OR DELETE ON "ChangeRequest"
  FOR EACH ROW EXECUTE FUNCTION "change_request_guard"();

-- A changed plan voids every approval given for the old one.
CREATE FUNCTION "change_request_void_stale_approvals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ApprovalDecision" SET "voidedAt" = now()
  WHERE "requestId" = NEW."id" AND "voidedAt" IS NULL AND "planDigest" <> NEW."planDigest";
  RETURN NULL;
END;
$$;
CREATE TRIGGER "ChangeRequest_void_stale_approvals" AFTER UPDATE OF "planDigest" ON "ChangeRequest"
  FOR EACH ROW WHEN (OLD."planDigest" IS DISTINCT FROM NEW."planDigest") EXECUTE FUNCTION "change_request_void_stale_approvals"();

CREATE FUNCTION "change_request_transition_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ChangeRequestTransition is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ChangeRequestTransition_append_only" BEFORE UPDATE OR DELETE ON "ChangeRequestTransition"
  FOR EACH ROW EXECUTE FUNCTION "change_request_transition_append_only"();
