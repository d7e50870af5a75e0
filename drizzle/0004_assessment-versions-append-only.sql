-- Saved versions of an assessment are never changed or removed.
CREATE TRIGGER assessment_versions_append_only BEFORE UPDATE OR DELETE ON assessment_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
-- Assessments recorded before sign-off existed were acted on as final: keep them so, as version 1.
UPDATE assessments SET status = 'approved'
  WHERE id IN (SELECT assessment_id FROM eligibility_decisions);
--> statement-breakpoint
INSERT INTO assessment_versions (assessment_id, version, content, saved_by, saved_at)
  SELECT a.id, 1, jsonb_build_object('summary', a.summary, 'strengths', a.strengths,
    'outcomes', coalesce((SELECT jsonb_agg(jsonb_build_object('inOwnWords', o.in_own_words,
      'need', o.need, 'nationalOutcome', o.national_outcome)) FROM personal_outcomes o
      WHERE o.assessment_id = a.id), '[]'::jsonb)), a.recorded_by, a.recorded_at
  FROM assessments a;
