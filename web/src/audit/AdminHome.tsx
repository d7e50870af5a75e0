import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AuditEntries } from "../../../src/modules/identity/replies";
import { get } from "../api";
import { SignOffReallocations, SignOffSettingAdmin } from "../assessment/SignOffAdmin";
import { AuthorityAdmin } from "../budgets/AuthorityAdmin";
import { RasVersions } from "../budgets/RasAdmin";
import { TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { HealthRatingSetting } from "../contracts/HealthRatingSetting";
import { ReturnsSetting } from "../contracts/ReturnsSetting";
import { CriteriaAdmin } from "../eligibility/CriteriaAdmin";
import { ROLE_LABELS } from "../format";
import { AccountsAdmin } from "../identity/AccountsAdmin";
import { DuplicateChecks } from "../referrals/DuplicateChecks";
import { Link } from "../router";

export function AdminHome() {
  const [personId, setPersonId] = useState("");
  const filter = /^[0-9a-f-]{36}$/i.test(personId.trim()) ? personId.trim() : "";
  const audit = useQuery({
    queryKey: ["audit", filter],
    queryFn: () => get<AuditEntries>(`/api/audit?limit=100${filter ? `&personId=${filter}` : ""}`),
  });
  return (
    <>
      <PageHeader title="Administration" />
      <ul>
        <li>
          <Link href="/data-protection">
            Data protection: subject access, retention periods and erasure
          </Link>
        </li>
        <li>
          <Link href="/caseloads">Move a caseload when a worker leaves</Link>
        </li>
      </ul>
      <p>
        <Link href="/contract-templates">
          Contract templates: the council's agreements in plain words
        </Link>
      </p>
      <DuplicateChecks />
      <CriteriaAdmin />
      <SignOffSettingAdmin />
      <SignOffReallocations />
      <RasVersions canPublish />
      <AuthorityAdmin />
      <ReturnsSetting />
      <HealthRatingSetting />
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">Audit log</h2>
        <p>Every read and change of a person's record, newest first.</p>
        <TextInput
          id="audit-person"
          label="Person's id"
          hint="Show only one person's record"
          value={personId}
          onChange={setPersonId}
        />
        {audit.isPending ? (
          <Loading />
        ) : (
          <table className="ds_table">
            <caption>Latest 100 entries</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Did</th>
                <th scope="col">Record</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {(audit.data?.entries ?? []).map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString("en-GB")}</td>
                  <td>
                    {e.actor?.displayName ?? "Unknown"} ({ROLE_LABELS[e.actorRole] ?? e.actorRole})
                  </td>
                  <td>
                    {e.action} {e.resourceType}
                  </td>
                  <td>{e.personId ?? e.resourceId ?? ""}</td>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AccountsAdmin />
    </>
  );
}
