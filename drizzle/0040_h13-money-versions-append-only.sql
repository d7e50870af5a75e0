-- Issue 13 (#10, #11): held return lines' decisions and bank details are kept, never changed.
-- Bank details held in place until now become each payee's first version, carried over as in
-- use (they were paid into before changes needed a second officer); the old columns go next.
INSERT INTO bank_detail_versions (payee, payee_kind, provider_id, sort_code, account_number, carried_over)
SELECT 'provider:' || id, 'provider', id, bank_sort_code, bank_account_number, true
FROM providers
WHERE bank_sort_code ~ '^[0-9]{6}$' AND bank_account_number ~ '^[0-9]{8}$';
--> statement-breakpoint
INSERT INTO bank_detail_versions (payee, payee_kind, contract_id, sort_code, account_number, carried_over)
SELECT key, 'direct-payment', contract_id, bank_sort_code, bank_account_number, true
FROM ledger_accounts
WHERE kind = 'fund' AND option = '1' AND contract_id IS NOT NULL AND key = 'fund:' || contract_id
  AND bank_sort_code ~ '^[0-9]{6}$' AND bank_account_number ~ '^[0-9]{8}$';
--> statement-breakpoint
CREATE TRIGGER return_line_decisions_append_only BEFORE UPDATE OR DELETE ON return_line_decisions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_detail_versions_append_only BEFORE UPDATE OR DELETE ON bank_detail_versions
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bank_detail_approvals_append_only BEFORE UPDATE OR DELETE ON bank_detail_approvals
  FOR EACH ROW EXECUTE FUNCTION cairn_refuse_change();
