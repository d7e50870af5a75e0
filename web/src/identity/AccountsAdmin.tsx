import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type {
  Accounts,
  PasswordLink,
  Teams,
  TwoStepRequirement,
} from "../../../src/modules/identity/replies";
import type { ProviderList } from "../../../src/modules/providers/replies";
import { api, get, post } from "../api";
import { Button, Checkboxes, ErrorSummary, Select, TextInput } from "../components/fields";
import { Loading, Tag } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { ROLE_LABELS } from "../format";
import { Link } from "../router";
import { HandOverLink } from "./AccountPage";

const STAFF_ROLES = [
  "team-manager",
  "finance-officer",
  "social-worker",
  "commissioner",
  "administrator",
  "provider-staff",
] as const;

/** The administrator's accounts: who can sign in, a new link for anyone, two-step resets. */
export function AccountsAdmin() {
  const users = useQuery({ queryKey: ["users"], queryFn: () => get<Accounts>("/api/users") });
  return (
    <>
      <NewStaff />
      <TwoStepRequirementSetting />
      <section aria-labelledby="users-title">
        <h2 id="users-title">Accounts</h2>
        <p>
          A new password link replaces any older one: hand it to the account's owner, not by email.
          Resetting two-step sign-in (a lost phone) lets them set it up again.
        </p>
        {users.isPending ? (
          <Loading />
        ) : (
          <table className="ds_table">
            <caption className="visually-hidden">Accounts</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Password</th>
                <th scope="col">Two-step</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.users ?? []).map((u) => (
                <tr key={u.id}>
                  <td>{u.displayName}</td>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{u.passwordSet ? "Set" : "Not set yet"}</td>
                  <td>{u.twoStepOn ? "On" : "Off"}</td>
                  <td>{u.disabledAt ? <Tag>Turned off</Tag> : "On"}</td>
                  <td>
                    <AccountActions user={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function AccountActions({ user }: { user: Accounts["users"][number] }) {
  const [issued, setIssued] = useState<PasswordLink>();
  const link = useSubmit(
    () => post<PasswordLink>(`/api/users/${user.id}/password-link`, {}),
    setIssued,
  );
  const reset = useSubmit(
    () => api("DELETE", `/api/users/${user.id}/two-step`),
    () => {},
  );
  if (issued) return <HandOverLink issued={issued} />;
  return (
    <>
      <p>
        <Link href={`/users/${user.id}/status`}>
          {user.disabledAt ? "Turn on" : "Turn off"}
          <span className="visually-hidden"> {user.displayName}'s account</span>
        </Link>
      </p>
      <ErrorSummary errors={[]} detail={link.detail ?? reset.detail} />
      <form onSubmit={link.submit}>
        <Button secondary disabled={link.pending}>
          <span>
            New password link<span className="visually-hidden"> for {user.displayName}</span>
          </span>
        </Button>
      </form>
      {user.twoStepOn && (
        <form onSubmit={reset.submit}>
          <Button secondary disabled={reset.pending}>
            <span>
              Reset two-step<span className="visually-hidden"> for {user.displayName}</span>
            </span>
          </Button>
        </form>
      )}
    </>
  );
}

/** The council's setting: roles that must use two-step sign-in (set up at their next sign-in). */
function TwoStepRequirementSetting() {
  const current = useQuery({
    queryKey: ["two-step-requirement"],
    queryFn: () => get<TwoStepRequirement>("/api/two-step-requirement"),
  });
  const [roles, setRoles] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && roles === null) setRoles(current.data.roles);
  }, [current.data, roles]);
  const form = useSubmit(
    () => api("PUT", "/api/two-step-requirement", { roles: roles ?? [] }),
    () => setSaved(true),
  );
  return (
    <section aria-labelledby="two-step-setting-title">
      <h2 id="two-step-setting-title">Two-step sign-in</h2>
      <p>
        Staff in the roles chosen must use a code from an authenticator app as well as their
        password. Anyone without it set up is asked to set it up at their next sign-in, before
        anything else. We recommend it for the roles that approve money.
      </p>
      {saved && <p role="status">Saved.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <Checkboxes
          id="roles"
          legend="Require two-step sign-in for"
          options={STAFF_ROLES.map((r) => ({
            value: r,
            label:
              r === "team-manager" || r === "finance-officer"
                ? `${ROLE_LABELS[r]} (approves money)`
                : (ROLE_LABELS[r] ?? r),
          }))}
          selected={roles ?? []}
          onChange={setRoles}
          error={form.errorFor("roles")}
        />
        <Button disabled={form.pending}>Save</Button>
      </form>
    </section>
  );
}

/** An administrator makes a staff account; its owner sets their own password with the link. */
function NewStaff() {
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState("");
  const [teamId, setTeamId] = useState("");
  const [providerId, setProviderId] = useState("");
  const [issued, setIssued] = useState<PasswordLink>();
  const inTeam = role === "social-worker" || role === "team-manager";
  const teams = useQuery({
    queryKey: ["teams"],
    queryFn: () => get<Teams>("/api/teams"),
    enabled: inTeam,
  });
  const providers = useQuery({
    queryKey: ["providers"],
    queryFn: () => get<ProviderList>("/api/providers"),
    enabled: role === "provider-staff",
  });
  const form = useSubmit(
    () =>
      post<PasswordLink>("/api/users", {
        email,
        displayName,
        role,
        ...(inTeam && teamId ? { teamId } : {}),
        ...(role === "provider-staff" && providerId ? { providerId } : {}),
      }),
    (made) => {
      setIssued(made);
      setEmail("");
      setDisplayName("");
    },
  );
  return (
    <section aria-labelledby="new-staff-title">
      <h2 id="new-staff-title">Give a member of staff a sign-in</h2>
      {issued && <HandOverLink issued={issued} />}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <TextInput
          id="email"
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          error={form.errorFor("email")}
        />
        <TextInput
          id="displayName"
          label="Name"
          value={displayName}
          onChange={setDisplayName}
          error={form.errorFor("displayName")}
        />
        <Select
          id="role"
          label="Role"
          value={role}
          onChange={setRole}
          options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }))}
          error={form.errorFor("role")}
        />
        {inTeam && (
          <Select
            id="teamId"
            label="Team"
            hint="A team manager sees the team's caseload"
            value={teamId}
            onChange={setTeamId}
            options={(teams.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }))}
            placeholder="No team"
            error={form.errorFor("teamId")}
          />
        )}
        {role === "provider-staff" && (
          <Select
            id="providerId"
            label="Provider they work for"
            value={providerId}
            onChange={setProviderId}
            options={(providers.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))}
            error={form.errorFor("providerId")}
          />
        )}
        <Button disabled={form.pending}>Create sign-in</Button>
      </form>
    </section>
  );
}
