-- Storage-account failover is its own change request (and runbook run): the guards learn the kind.
-- Both functions are the latest definitions (change_requests, run_measurements) with 'storage-failover' added.
CREATE OR REPLACE FUNCTION "change_request_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ChangeRequest rows are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."kind" NOT IN ('failover', 'failback', 'drill', 'storage-failover') OR NEW."approversRequired" < 1
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

CREATE OR REPLACE FUNCTION "runbook_run_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  measured CONSTANT text[] := ARRAY['declaredAt', 'failureAt', 'servingAt', 'dataAsOf', 'rtoSeconds', 'rpoSeconds'];
BEGIN
  IF NEW."kind" NOT IN ('failover', 'failback', 'drill', 'storage-failover')
     OR NEW."state" NOT IN ('running', 'succeeded', 'failed', 'aborted', 'degraded') THEN
    RAISE EXCEPTION 'runbook run: bad kind or state' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'INSERT' AND NEW."state" <> 'running' THEN
    RAISE EXCEPTION 'a runbook run starts as running' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."state" <> 'running' AND to_jsonb(NEW) <> to_jsonb(OLD) THEN
    IF (to_jsonb(NEW) - measured) <> (to_jsonb(OLD) - measured) OR OLD."declaredAt" IS NOT NULL THEN
      RAISE EXCEPTION 'runbook run % is % and final', OLD."id", OLD."state" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
