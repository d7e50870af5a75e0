import { useState } from "react";
import type { Contract } from "../../../src/modules/contracts/replies";
import type { SessionUser } from "../../../src/modules/identity/replies";
import { post } from "../api";
import { Button, Checkbox, ErrorSummary, Textarea } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";
import { ReturnForm } from "../ledger/ReturnForm";
import { fullName, usePerson } from "../people/queries";
import { KIND_WORDS, PARTY_WORDS, useContracts } from "./contracts";
import { PaperSignatures } from "./PaperSignature";
import { RateRequest } from "./RateRequest";

/** The person's agreements: readable in full or easy read, signed by each party in their view. */
export function ContractsPage({ personId, user }: { personId: string; user: SessionUser }) {
  const person = usePerson(personId);
  const contracts = useContracts(personId);
  const make = useSubmit(
    () => post(`/api/people/${personId}/contracts`, {}),
    () => {},
  );
  if (person.isPending || contracts.isPending) return <Loading />;
  const own = user.personId === personId;
  const name = person.data ? fullName(person.data) : "";
  return (
    <>
      <PageHeader title={own ? "Your agreements" : `Agreements: ${name}`} />
      {contracts.data?.may.make && (
        <form onSubmit={make.submit} noValidate>
          <ErrorSummary errors={make.errors} detail={make.detail} />
          <Button secondary disabled={make.pending}>
            Make or update the agreements from the approved plan
          </Button>
        </form>
      )}
      {(contracts.data?.contracts ?? []).length === 0 && <p>There are no agreements yet.</p>}
      {(contracts.data?.contracts ?? []).map((c) => (
        <ContractView key={c.id} contract={c} />
      ))}
    </>
  );
}

function ContractView({ contract: c }: { contract: Contract }) {
  const [easyRead, setEasyRead] = useState(false);
  // The party this user signs for, when the policy lets them sign at all (the API checks they
  // hold the authority).
  const party = c.may.sign ? c.signsFor : null;
  const sign = useSubmit(
    () =>
      post(`/api/contracts/${c.id}/signatures`, {
        party,
        version: c.version,
        documentHash: c.documentHash,
      }),
    () => {},
  );
  const headingId = `contract-${c.id}`;
  return (
    <article className="cairn-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{c.document.title}</h2>
      <p>
        {KIND_WORDS[c.kind]}. Version {c.version}.{" "}
        <strong>
          {c.status === "active"
            ? "In force: everyone has signed."
            : `Waiting for ${c.waitingFor.map((p) => PARTY_WORDS[p]).join(" and ")} to sign.`}
        </strong>
      </p>
      {!c.verified && (
        <div className="ds_error-summary" role="alert">
          <p>This document has changed since it was made. Do not rely on it: tell the council.</p>
        </div>
      )}
      {c.version > 1 && (
        <>
          <p>What changed in this version:</p>
          <ul>
            {c.changeSummary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <Checkbox
        id={`${c.id}-easy`}
        label="Show the easy-read version"
        checked={easyRead}
        onChange={setEasyRead}
      />
      <p>
        <a href={`/api/contracts/${c.id}/document.pdf`}>The agreement as a PDF</a>
        {" | "}
        <a href={`/api/contracts/${c.id}/document.pdf?format=easy-read`}>
          Easy read PDF, large type
        </a>
      </p>
      <div className={easyRead ? "cairn-easy-read" : undefined}>
        {c.document.sections.map((s) => (
          <section key={s.heading}>
            <h3>{s.heading}</h3>
            {easyRead ? (
              <ul>
                {s.easyRead.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              s.paragraphs.map((p) => <p key={p}>{p}</p>)
            )}
          </section>
        ))}
      </div>
      <h3>Signatures</h3>
      <ul>
        {c.document.parties
          .filter((p) => p.signs)
          .map((p) => {
            const signed = c.signatures.find((s) => s.party === p.party);
            return (
              <li key={p.party}>
                {p.name}: {signed ? howSigned(signed) : "not signed yet"}
              </li>
            );
          })}
      </ul>
      <p className="ds_hint-text">Document fingerprint: {c.documentHash}</p>
      {party && c.waitingFor.includes(party) && (
        <form onSubmit={sign.submit} noValidate>
          <ErrorSummary errors={sign.errors} detail={sign.detail} />
          <Button disabled={sign.pending}>
            I have read version {c.version} and agree: sign for {PARTY_WORDS[party]}
          </Button>
        </form>
      )}
      {c.may.recordPaperSignature && <PaperSignatures contract={c} />}
      <Questions contract={c} />
      {c.may.requestRate && c.kind !== "direct-payment-agreement" && <RateRequest contract={c} />}
      {c.may.makeReturn && c.status === "active" && <ReturnForm contractId={c.id} />}
    </article>
  );
}

/** Online, or on paper with the date written on it and the officer who recorded it. */
function howSigned(s: Contract["signatures"][number]) {
  return s.method === "paper"
    ? `signed by ${s.signerName} on paper on ${formatDate(s.signedOn)}, recorded by ${s.recordedBy}`
    : `signed by ${s.signerName} online on ${formatDate(s.signedAt)}`;
}

function Questions({ contract: c }: { contract: Contract }) {
  const [question, setQuestion] = useState("");
  const ask = useSubmit(
    () => post(`/api/contracts/${c.id}/questions`, { question }),
    () => setQuestion(""),
  );
  const id = `${c.id}-question`;
  return (
    <section aria-labelledby={`${c.id}-questions`}>
      <h3 id={`${c.id}-questions`}>Questions before signing</h3>
      <ul>
        {c.questions.map((q) => (
          <li key={q.id}>
            {q.question}{" "}
            {q.answer ? (
              `Answer: ${q.answer}`
            ) : c.may.respond ? (
              <Answer questionId={q.id} />
            ) : (
              "(waiting for an answer)"
            )}
          </li>
        ))}
      </ul>
      {/* The council answers; the person and the provider ask. */}
      {c.may.ask && (
        <form onSubmit={ask.submit} noValidate>
          <ErrorSummary errors={ask.errors.map((e) => ({ ...e, path: id }))} detail={ask.detail} />
          <Textarea
            id={id}
            label="Ask a question"
            value={question}
            onChange={setQuestion}
            error={ask.errorFor("question")}
          />
          <Button secondary disabled={ask.pending}>
            Ask
          </Button>
        </form>
      )}
    </section>
  );
}

function Answer({ questionId }: { questionId: string }) {
  const [answer, setAnswer] = useState("");
  const send = useSubmit(
    () => post(`/api/contract-questions/${questionId}/answer`, { answer }),
    () => {},
  );
  return (
    <form onSubmit={send.submit} noValidate>
      <Textarea
        id={`${questionId}-answer`}
        label="Your answer"
        value={answer}
        onChange={setAnswer}
        error={send.errorFor("answer")}
      />
      <Button secondary disabled={send.pending}>
        Answer
      </Button>
    </form>
  );
}
