-- Drills are evidence (CP-4): their lifecycle moves one way, rows are kept, confirmations are final.
CREATE OR REPLACE FUNCTION "drill_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Drill rows are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."state" NOT IN ('scheduled', 'requested', 'ran', 'cancelled') OR length(trim(NEW."environment")) = 0 OR length(trim(NEW."title")) = 0 THEN
    RAISE EXCEPTION 'drill: bad state, environment or title' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD."requestId" IS NOT NULL AND NEW."requestId" IS DISTINCT FROM OLD."requestId" THEN
      RAISE EXCEPTION 'drill %: its change request cannot be replaced', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
    IF NEW."state" IS DISTINCT FROM OLD."state" AND NOT (
         (OLD."state" = 'scheduled' AND NEW."state" IN ('requested', 'cancelled'))
      OR (OLD."state" = 'requested' AND NEW."state" IN ('ran', 'cancelled'))) THEN
      RAISE EXCEPTION 'a drill cannot go from % to %', OLD."state", NEW."state" USING ERRCODE = 'check_violation';
    END IF;
    -- On UPDATE only: test fixtures insert requested drills without a request.
    IF NEW."state" = 'requested' AND NEW."requestId" IS NULL THEN
      RAISE EXCEPTION 'drill %: a requested drill needs its change request', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
DROP TRIGGER "Drill_guard" ON "Drill";
CREATE TRIGGER "Drill_guard" BEFORE INSERT OR UPDATE OR DELETE ON "Drill" FOR EACH ROW EXECUTE FUNCTION "drill_guard"();

-- A participant's confirmation and its note are written once, together; who took part never changes.
CREATE FUNCTION "drill_participant_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'DrillParticipant rows are kept: DELETE refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."comment" IS NOT NULL AND NEW."confirmedAt" IS NULL THEN
    RAISE EXCEPTION 'a participant''s comment comes with their confirmation' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF (to_jsonb(NEW) - 'confirmedAt' - 'comment') <> (to_jsonb(OLD) - 'confirmedAt' - 'comment') THEN
      RAISE EXCEPTION 'drill participant %: only the confirmation can be recorded', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
    IF OLD."confirmedAt" IS NOT NULL AND (NEW."confirmedAt" IS DISTINCT FROM OLD."confirmedAt" OR NEW."comment" IS DISTINCT FROM OLD."comment") THEN
      RAISE EXCEPTION 'drill participant %: a confirmation is final', OLD."id" USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "DrillParticipant_guard" BEFORE INSERT OR UPDATE OR DELETE ON "DrillParticipant" FOR EACH ROW EXECUTE FUNCTION "drill_participant_guard"();
