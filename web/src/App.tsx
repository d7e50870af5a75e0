import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { SessionUser } from "../../src/modules/identity/replies";
import { api } from "./api";
import { AssessmentPage } from "./assessment/AssessmentPage";
import { CarerAssessmentPage } from "./assessment/CarerAssessmentPage";
import { BudgetPage } from "./budgets/BudgetPage";
import { RasPage } from "./budgets/RasPage";
import { Layout, Loading, PageHeader } from "./components/layout";
import { ContractsPage } from "./contracts/ContractsPage";
import { TemplatesAdmin } from "./contracts/TemplatesAdmin";
import { DataProtectionPage } from "./data-protection/DataProtectionPage";
import { EligibilityPage } from "./eligibility/EligibilityPage";
import { HomePage } from "./home/HomePage";
import { AccountPage } from "./identity/AccountPage";
import { AccountStatusPage } from "./identity/AccountStatusPage";
import { ForgottenPasswordPage } from "./identity/ForgottenPasswordPage";
import { SetPasswordPage } from "./identity/SetPasswordPage";
import { SignInPage } from "./identity/SignInPage";
import { useSession } from "./identity/session";
import { YourAccountPage } from "./identity/YourAccountPage";
import { BankDetailsPage } from "./ledger/BankDetails";
import { HeldLinesPage } from "./ledger/HeldLines";
import { StatementPage } from "./ledger/StatementPage";
import { CaseloadMovePage } from "./people/CaseloadMovePage";
import { EndAuthorityPage } from "./people/EndAuthorityPage";
import { PersonPage } from "./people/PersonPage";
import { ChooseOptionsPage } from "./plans/ChooseOptionsPage";
import { ChoosePage } from "./plans/ChoosePage";
import { PlanPage } from "./plans/PlanPage";
import { ProviderEntryPage } from "./providers/ProviderEntryPage";
import { NewReferralPage } from "./referrals/NewReferralPage";
import { PreparePage } from "./referrals/PreparePage";
import { Link, match, navigate, Redirect, usePath } from "./router";

type Page = (params: Record<string, string>, user: SessionUser) => ReactNode;

const PAGES: [string, Page][] = [
  ["/", (_, user) => <HomePage user={user} />],
  ["/referrals/new", () => <NewReferralPage />],
  ["/people/:id", (p, user) => <PersonPage personId={p.id ?? ""} user={user} />],
  ["/people/:id/assessment", (p) => <AssessmentPage personId={p.id ?? ""} />],
  ["/people/:id/eligibility", (p) => <EligibilityPage personId={p.id ?? ""} />],
  ["/people/:id/budget", (p) => <BudgetPage personId={p.id ?? ""} />],
  ["/people/:id/account", (p) => <AccountPage personId={p.id ?? ""} />],
  ["/people/:id/choose", (p) => <ChoosePage personId={p.id ?? ""} />],
  ["/people/:id/carer", (p) => <CarerAssessmentPage personId={p.id ?? ""} />],
  ["/providers/:id", (p) => <ProviderEntryPage providerId={p.id ?? ""} />],
  ["/people/:id/plan", (p, user) => <PlanPage personId={p.id ?? ""} user={user} />],
  ["/contract-templates", () => <TemplatesAdmin />],
  ["/account", (_, user) => <YourAccountPage user={user} />],
  ["/users/:id/status", (p) => <AccountStatusPage userId={p.id ?? ""} />],
  ["/data-protection", () => <DataProtectionPage />],
  ["/caseloads", () => <CaseloadMovePage />],
  [
    "/people/:id/representatives/:representativeId/end",
    (p) => <EndAuthorityPage personId={p.id ?? ""} representativeId={p.representativeId ?? ""} />,
  ],
  ["/money/held-lines", () => <HeldLinesPage />],
  ["/money/bank-details", () => <BankDetailsPage />],
  ["/people/:id/money", (p, user) => <StatementPage personId={p.id ?? ""} user={user} />],
  ["/people/:id/contracts", (p, user) => <ContractsPage personId={p.id ?? ""} user={user} />],
  ["/people/:id/plan/choose", (p, user) => <ChooseOptionsPage personId={p.id ?? ""} user={user} />],
];

export function App() {
  const path = usePath();
  const session = useSession();
  const queryClient = useQueryClient();
  const signOut = async () => {
    await api("DELETE", "/api/session");
    queryClient.clear();
    navigate("/sign-in");
  };
  const user = session.data ?? null;
  return (
    <Layout user={user} onSignOut={signOut}>
      {session.isPending ? <Loading /> : <Routed path={path} user={user} />}
    </Layout>
  );
}

function Routed({ path, user }: { path: string; user: SessionUser | null }) {
  // Public pages: no account needed.
  if (path === "/prepare") return <PreparePage />;
  if (path === "/how-budgets-are-worked-out") return <RasPage />;
  if (path === "/set-password") return <SetPasswordPage />;
  if (path === "/forgotten-password") return <ForgottenPasswordPage />;
  if (!user || path === "/sign-in") {
    return user ? <Redirect to="/" /> : <SignInPage />;
  }
  for (const [pattern, page] of PAGES) {
    const params = match(pattern, path);
    if (params) return <>{page(params, user)}</>;
  }
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is nothing at this address. <Link href="/">Go to your home page</Link>.
      </p>
    </>
  );
}
