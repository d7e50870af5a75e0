import { demoRoutes } from "./demo/routes";
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
import { eligibilityRoutes } from "./modules/eligibility/routes";
import { auditRoutes } from "./modules/identity/audit-log-routes";
import { identityRoutes } from "./modules/identity/routes";
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

/** Every module's routes, in the order of the person's journey. */
export function registerRoutes(app: App, deps: RouteDeps) {
  for (const register of [
    identityRoutes,
    demoRoutes,
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
  ]) {
    register(app, deps);
  }
}
