-- AlterTable
ALTER TABLE "RunbookRun" ADD COLUMN     "dataAsOf" TIMESTAMPTZ(3),
ADD COLUMN     "declaredAt" TIMESTAMPTZ(3),
ADD COLUMN     "failureAt" TIMESTAMPTZ(3),
ADD COLUMN     "rpoSeconds" INTEGER,
ADD COLUMN     "rtoSeconds" INTEGER,
ADD COLUMN     "servingAt" TIMESTAMPTZ(3);

-- A finished run stays final, except that its measured RTO/RPO may be filled in once, afterwards:
-- they are computed from the finished steps' records.
CREATE OR REPLACE FUNCTION "runbook_run_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  measured CONSTANT text[] := ARRAY['declaredAt', 'failureAt', 'servingAt', 'dataAsOf', 'rtoSeconds', 'rpoSeconds'];
BEGIN
  IF NEW."kind" NOT IN ('failover', 'failback', 'drill')
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
