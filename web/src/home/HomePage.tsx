import type { SessionUser } from "../../../src/modules/identity/replies";
import { AwaitingSignOff } from "../assessment/AwaitingSignOff";
import { AdminHome } from "../audit/AdminHome";
import { BudgetsAwaitingApproval } from "../budgets/BudgetApproval";
import { RasVersions } from "../budgets/RasAdmin";
import { Loading, PageHeader } from "../components/layout";
import { RateRequests } from "../contracts/RateRequests";
import { PaymentRuns } from "../ledger/PaymentRuns";
import { SpendMonitoring } from "../ledger/SpendMonitoring";
import { CaseloadTable } from "../people/CaseloadTable";
import { PersonView } from "../people/PersonView";
import { fullName, usePeople, usePerson } from "../people/queries";
import { ProviderHome } from "../plans/ProviderHome";
import { IdentityRequests } from "../providers/IdentityRequests";
import { ProviderHealth } from "../providers/ProviderHealth";
import { ProviderTable } from "../providers/ProviderTable";
import { RegisterProvider } from "../providers/RegisterProvider";
import { DuplicateChecks } from "../referrals/DuplicateChecks";
import { SelfReferralInbox } from "../referrals/SelfReferralInbox";
import { Link } from "../router";
import { SummaryFigures } from "./summaries";

/** One home page for each role. */
export function HomePage({
  user,
}: {
  // What it reads of the signed-in user (App passes web/src/types' SessionUser, role a string).
  user: Pick<SessionUser, "personId" | "providerId"> & { role: string };
}) {
  switch (user.role) {
    case "supported-person":
      return <SupportedPersonHome personId={user.personId} />;
    case "representative":
      return <RepresentativeHome />;
    case "social-worker":
      return <CaseloadHome />;
    case "team-manager":
      return <CaseloadHome team />;
    case "provider-staff":
      return <ProviderHome providerId={user.providerId} />;
    case "finance-officer":
      return (
        <>
          <PageHeader title="Budgets" />
          <ul>
            <li>
              <Link href="/money/held-lines">Return lines to ask about</Link>
            </li>
            <li>
              <Link href="/money/bank-details">Bank details of payees</Link>
            </li>
          </ul>
          <PaymentRuns />
          <SpendMonitoring />
          <SummaryFigures show={["budget", "options"]} />
          <RasVersions canPublish={false} />
        </>
      );
    case "commissioner":
      return (
        <>
          <PageHeader title="Market overview" />
          <SummaryFigures show={["providers", "options", "stages"]} />
          <ProviderHealth />
          <RasVersions canPublish={false} />
          <ProviderTable />
          <RateRequests />
          <IdentityRequests />
          <RegisterProvider />
        </>
      );
    default:
      return <AdminHome />;
  }
}

function SupportedPersonHome({ personId }: { personId: string | null }) {
  if (!personId) {
    return (
      <>
        <PageHeader title="Your support" />
        <p>Your sign-in is not linked to a record yet. Please contact your social work team.</p>
      </>
    );
  }
  return <OwnRecord personId={personId} />;
}

function OwnRecord({ personId }: { personId: string }) {
  const person = usePerson(personId);
  return (
    <>
      <PageHeader title="Your support" />
      {person.data ? <PersonView person={person.data} /> : <Loading />}
    </>
  );
}

function RepresentativeHome() {
  const people = usePeople();
  return (
    <>
      <PageHeader title="People you support" />
      {people.isPending ? (
        <Loading />
      ) : (
        <ul>
          {(people.data ?? []).map((p) => (
            <li key={p.id}>
              <Link href={`/people/${p.id}`}>{fullName(p)}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A social worker's caseload, or a team manager's whole team with its figures. */
function CaseloadHome({ team }: { team?: boolean }) {
  const people = usePeople();
  return (
    <>
      <PageHeader title={team ? "Your team's caseload" : "Your caseload"} />
      <p>
        <Link className="ds_button" href="/referrals/new">
          Record a referral
        </Link>
      </p>
      {team && (
        <p>
          <Link href="/caseloads">Move a caseload when a worker leaves</Link>
        </p>
      )}
      {team && <AwaitingSignOff />}
      {team && <BudgetsAwaitingApproval />}
      {team && <DuplicateChecks />}
      <SelfReferralInbox />
      {people.isPending ? (
        <Loading />
      ) : (
        <CaseloadTable people={people.data ?? []} showWorker={team} />
      )}
      {team && <SummaryFigures show={["stages"]} />}
    </>
  );
}
