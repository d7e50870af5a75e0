import { carerAssessmentRoutes } from "./modules/assessment/carer-routes";
import { assessmentRoutes } from "./modules/assessment/routes";
import { signOffRoutes } from "./modules/assessment/sign-off-routes";
import { budgetApprovalRoutes, budgetAuthorityRoutes } from "./modules/budgets/approval-routes";
import { rasRoutes } from "./modules/budgets/ras-routes";
import { budgetRoutes } from "./modules/budgets/routes";
import { paperSignatureRoutes } from "./modules/contracts/paper-signature-routes";
import { contractRoutes } from "./modules/contracts/routes";
import { councilSettingsRoutes } from "./modules/contracts/settings-routes";
import { templateRoutes } from "./modules/contracts/template-routes";
import { dataProtectionRoutes } from "./modules/data-protection/routes";
import { eligibilityRoutes } from "./modules/eligibility/routes";
import { auditRoutes } from "./modules/identity/audit-log-routes";
import { IDENTITY_CONFLICTS } from "./modules/identity/conflicts";
import { passwordRoutes } from "./modules/identity/password-routes";
import { identityRoutes } from "./modules/identity/routes";
import { staffRoutes } from "./modules/identity/staff-routes";
import { twoStepRoutes } from "./modules/identity/two-step-routes";
import { paymentRoutes } from "./modules/ledger/payment-routes";
import { returnRoutes } from "./modules/ledger/return-routes";
import { ledgerRoutes } from "./modules/ledger/routes";
import { statementRoutes } from "./modules/ledger/statement-routes";
import { openDataRoutes } from "./modules/open-data/routes";
import { peopleRoutes } from "./modules/people/routes";
import { personRecordRoutes } from "./modules/person-record/routes";
import { supportPlanRoutes } from "./modules/plans/plan-routes";
import { poolRoutes } from "./modules/plans/pool-routes";
import { providerRequestRoutes } from "./modules/plans/request-routes";
import { planRoutes } from "./modules/plans/routes";
import { PROVIDER_CONFLICTS } from "./modules/providers/conflicts";
import { directoryRoutes } from "./modules/providers/directory-routes";
import { providerHealthRoutes } from "./modules/providers/health-routes";
import { careInspectorateRoutes } from "./modules/providers/import-routes";
import { providerRoutes } from "./modules/providers/routes";
import { searchRoutes } from "./modules/providers/search-routes";
import { duplicateCheckRoutes } from "./modules/referrals/duplicate-check-routes";
import { referralRoutes } from "./modules/referrals/routes";
import { selfReferralRoutes } from "./modules/referrals/self-referral-routes";
import { reportRoutes } from "./modules/reports/routes";
import type { App, RouteDeps } from "./platform/http/app";
import { declareUniqueConflicts } from "./platform/http/request-errors";

/** Every module's routes, in the order of the person's journey (the demo's: server.ts, demo only). */
export function registerRoutes(app: App, deps: RouteDeps) {
  declareUniqueConflicts(app, { ...IDENTITY_CONFLICTS, ...PROVIDER_CONFLICTS });
  for (const register of [
    identityRoutes,
    twoStepRoutes,
    passwordRoutes,
    staffRoutes,
    peopleRoutes,
    personRecordRoutes,
    referralRoutes,
    duplicateCheckRoutes,
    selfReferralRoutes,
    assessmentRoutes,
    carerAssessmentRoutes,
    signOffRoutes,
    eligibilityRoutes,
    budgetRoutes,
    rasRoutes,
    budgetApprovalRoutes,
    budgetAuthorityRoutes,
    providerRoutes,
    directoryRoutes,
    openDataRoutes,
    supportPlanRoutes,
    poolRoutes,
    providerRequestRoutes,
    contractRoutes,
    paperSignatureRoutes,
    templateRoutes,
    councilSettingsRoutes,
    ledgerRoutes,
    returnRoutes,
    statementRoutes,
    paymentRoutes,
    careInspectorateRoutes,
    providerHealthRoutes,
    searchRoutes,
    planRoutes,
    reportRoutes,
    auditRoutes,
    dataProtectionRoutes,
  ]) {
    register(app, deps);
  }
}
