-- Bank details became append-only versions (bank_detail_versions, issue 13 #11) after the
-- erasure function was written: an erasure now blanks the person's direct payment bank details
-- in those versions (the one exception, as for the other append-only tables: only these two
-- columns, only of the erasing person's rows), instead of the columns that were dropped.
CREATE OR REPLACE FUNCTION cairn_row_person(tbl text, r jsonb) RETURNS uuid AS $$
  SELECT CASE tbl
    WHEN 'budget_entries' THEN (r->>'person_id')::uuid
    WHEN 'plan_versions' THEN (r->>'person_id')::uuid
    WHEN 'assessment_versions' THEN
      (SELECT a.person_id FROM assessments a WHERE a.id = (r->>'assessment_id')::uuid)
    WHEN 'plan_events' THEN
      (SELECT p.person_id FROM provider_requests p WHERE p.id = (r->>'plan_id')::uuid)
    WHEN 'contract_versions' THEN
      (SELECT c.person_id FROM contracts c WHERE c.id = (r->>'contract_id')::uuid)
    WHEN 'contract_signatures' THEN
      (SELECT c.person_id FROM contract_versions v JOIN contracts c ON c.id = v.contract_id
        WHERE v.id = (r->>'contract_version_id')::uuid)
    WHEN 'bank_detail_versions' THEN
      (SELECT c.person_id FROM contracts c WHERE c.id = (r->>'contract_id')::uuid)
    WHEN 'ledger_transactions' THEN
      (SELECT DISTINCT a.person_id FROM ledger_entries e JOIN ledger_accounts a ON a.key = e.account
        WHERE e.transaction_id = (r->>'id')::uuid AND a.person_id IS NOT NULL LIMIT 1)
  END
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
DROP TRIGGER bank_detail_versions_append_only ON bank_detail_versions;
--> statement-breakpoint
CREATE TRIGGER bank_detail_versions_append_only BEFORE UPDATE OR DELETE ON bank_detail_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change_unless_erasing('sort_code', 'account_number');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cairn_anonymise_person(person uuid, erasure uuid) RETURNS void
SECURITY DEFINER SET search_path = public AS $$
DECLARE
  e erasures%ROWTYPE;
  gone constant text := '[erased]';
BEGIN
  SELECT * INTO e FROM erasures WHERE id = erasure FOR UPDATE;
  IF NOT FOUND OR e.person_id <> person THEN
    RAISE EXCEPTION 'no erasure % for person %', erasure, person;
  END IF;
  IF e.approved_by IS NULL OR e.completed_at IS NOT NULL THEN
    RAISE EXCEPTION 'erasure % is not approved and open', erasure;
  END IF;
  PERFORM set_config('cairn.erasure', erasure::text, true);

  -- The person, and their own sign-in (which can no longer be used).
  UPDATE users SET display_name = gone, email = 'erased-' || id || '@erased.invalid',
    password_hash = '!erased'
    WHERE id = (SELECT user_id FROM people WHERE id = person);
  DELETE FROM sessions WHERE user_id = (SELECT user_id FROM people WHERE id = person);
  UPDATE people SET given_name = gone, family_name = gone, chi = NULL,
    date_of_birth = date_trunc('year', date_of_birth)::date
    WHERE id = person;
  UPDATE representatives SET relationship = gone,
    ended_at = coalesce(ended_at, now()), ended_on = coalesce(ended_on, current_date),
    ended_by = coalesce(ended_by, e.approved_by),
    end_reason = coalesce(end_reason, 'The person''s record was erased')
    WHERE person_id = person;

  -- Referral, self-referral, assessment, carers, eligibility.
  UPDATE self_referrals SET given_name = gone, family_name = gone, contact = gone, sent_by = '',
    date_of_birth = date_trunc('year', date_of_birth)::date, what_matters = gone,
    what_is_working = gone, what_is_not_working = gone, help_i_have = gone
    WHERE referral_id IN (SELECT id FROM referrals WHERE person_id = person);
  UPDATE referrals SET reason = gone WHERE person_id = person;
  UPDATE personal_outcomes SET in_own_words = gone, need = gone
    WHERE assessment_id IN (SELECT id FROM assessments WHERE person_id = person);
  UPDATE assessments SET summary = gone, strengths = gone, informal_support = gone,
    risks = '[]'::jsonb, participants = '[]'::jsonb, review_note = gone
    WHERE person_id = person;
  UPDATE assessment_versions SET content = content || jsonb_build_object(
      'summary', gone, 'strengths', gone, 'informalSupport', gone,
      'risks', '[]'::jsonb, 'participants', '[]'::jsonb,
      'outcomes', (SELECT coalesce(jsonb_agg(o || jsonb_build_object('inOwnWords', gone, 'need', gone)), '[]'::jsonb)
        FROM jsonb_array_elements(content->'outcomes') o))
    WHERE assessment_id IN (SELECT id FROM assessments WHERE person_id = person);
  UPDATE carer_assessments SET carer_name = gone,
    carer_date_of_birth = date_trunc('year', carer_date_of_birth)::date, relationship = gone,
    caring_role = gone, willing_and_able = gone, outcomes = ARRAY[gone], support_needed = gone
    WHERE person_id = person;
  UPDATE eligibility_decisions SET reasons = gone WHERE person_id = person;

  -- Budget, plan, agreements: the words go, the amounts stay.
  UPDATE budget_entries SET reason = gone WHERE person_id = person;
  UPDATE provider_requests SET choice_reason = gone WHERE person_id = person;
  UPDATE plan_events SET note = gone
    WHERE plan_id IN (SELECT id FROM provider_requests WHERE person_id = person);
  UPDATE plan_versions SET change_summary = gone,
    lines = (SELECT coalesce(jsonb_agg(l || jsonb_build_object('description', gone,
        'howItMeetsOutcome', gone,
        'familyMemberReason', CASE WHEN l->>'familyMemberReason' IS NULL THEN NULL ELSE gone END)), '[]'::jsonb)
      FROM jsonb_array_elements(lines) l),
    choice = CASE WHEN choice IS NULL OR jsonb_typeof(choice) <> 'object' THEN choice
      ELSE choice || jsonb_build_object('participants', '[]'::jsonb, 'reasons', gone) END
    WHERE person_id = person;
  UPDATE contract_questions SET question = gone, answer = CASE WHEN answer IS NULL THEN NULL ELSE gone END
    WHERE contract_id IN (SELECT id FROM contracts WHERE person_id = person);
  UPDATE contract_versions SET change_summary = ARRAY[gone],
    terms = terms || jsonb_build_object('person', gone,
      'representative', CASE WHEN terms->>'representative' IS NULL THEN NULL ELSE gone END,
      'outcomes', jsonb_build_array(gone),
      'supports', (SELECT coalesce(jsonb_agg(s || jsonb_build_object('description', gone)), '[]'::jsonb)
        FROM jsonb_array_elements(terms->'supports') s)),
    document = document || jsonb_build_object(
      'parties', (SELECT coalesce(jsonb_agg(CASE WHEN p->>'party' IN ('person', 'representative')
          THEN p || jsonb_build_object('name', gone) ELSE p END), '[]'::jsonb)
        FROM jsonb_array_elements(document->'parties') p),
      'sections', '[]'::jsonb)
    WHERE contract_id IN (SELECT id FROM contracts WHERE person_id = person);
  UPDATE contract_signatures SET signer_name = gone
    WHERE party IN ('person', 'representative')
      AND contract_version_id IN (SELECT v.id FROM contract_versions v
        JOIN contracts c ON c.id = v.contract_id WHERE c.person_id = person);

  -- Money: bank details and free-text reasons go; every amount stays.
  UPDATE bank_detail_versions SET sort_code = '000000', account_number = '00000000'
    WHERE contract_id IN (SELECT id FROM contracts WHERE person_id = person);
  UPDATE payment_run_lines SET payee_name = gone, sort_code = NULL, account_number = NULL
    WHERE payee_kind = 'direct-payment'
      AND account IN (SELECT key FROM ledger_accounts WHERE person_id = person);
  UPDATE ledger_transactions SET memo = gone
    WHERE source_type = 'decision' AND id IN (SELECT e2.transaction_id FROM ledger_entries e2
      JOIN ledger_accounts a ON a.key = e2.account WHERE a.person_id = person);
  UPDATE provider_return_lines SET description = gone
    WHERE return_id IN (SELECT r.id FROM provider_returns r
      JOIN contracts c ON c.id = r.contract_id WHERE c.person_id = person);
  UPDATE return_line_messages SET message = gone
    WHERE line_id IN (SELECT l.id FROM provider_return_lines l JOIN provider_returns r ON r.id = l.return_id
      JOIN contracts c ON c.id = r.contract_id WHERE c.person_id = person);

  UPDATE erasures SET completed_at = now() WHERE id = erasure;
  PERFORM set_config('cairn.erasure', '', true);
END;
$$ LANGUAGE plpgsql;
