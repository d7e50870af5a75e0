import type { Contract } from "../../../src/modules/contracts/replies";
import { post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { PARTY_WORDS, type Party } from "./contracts";

const WHO_SIGNS: Record<"person" | "provider", string> = {
  person: "The person, or their representative with legal authority to sign",
  provider: "The person who signs for the provider",
};

/**
 * For the case holder: record a signature made on a printed copy, for each party still to sign
 * who may sign on paper (the council signs online itself).
 */
export function PaperSignatures({ contract: c }: { contract: Contract }) {
  const parties = c.waitingFor.filter((p): p is "person" | "provider" => p !== "council");
  return (
    <>
      {parties.map((party) => (
        <PaperSignature key={party} contract={c} party={party} />
      ))}
    </>
  );
}

function PaperSignature({
  contract: c,
  party,
}: {
  contract: Contract;
  party: Party & keyof typeof WHO_SIGNS;
}) {
  const idPrefix = `${c.id}-paper-${party}-`;
  const fields = useFields({ fingerprint: "", signerName: "", signedOn: "" }, "", idPrefix);
  const form = useSubmit(
    () =>
      post(`/api/contracts/${c.id}/paper-signatures`, {
        party,
        version: c.version,
        ...fields.values,
      }),
    () => {},
  );
  const field = fields.bind(form.errorFor);
  const headingId = `${idPrefix}heading`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Record a signature made on paper for {PARTY_WORDS[party]}</h3>
      <p>
        Check the paper copy is version {c.version}, and that the fingerprint printed on it begins{" "}
        <strong>{c.documentHash.slice(0, 8)}</strong> (in full: {c.documentHash}).
      </p>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary
          errors={form.errors.map((e) => ({ ...e, path: idPrefix + e.path }))}
          detail={form.detail}
        />
        <TextInput
          label="The fingerprint printed on the paper copy"
          hint="Copy at least its first 8 characters, letters a to f and digits."
          autoComplete="off"
          {...field("fingerprint")}
        />
        <TextInput
          label="Who signed it"
          hint={`${WHO_SIGNS[party]}, as written on the paper.`}
          {...field("signerName")}
        />
        <TextInput
          label="The date written beside the signature"
          type="date"
          {...field("signedOn")}
        />
        <Button secondary disabled={form.pending}>
          Record the signature on paper
        </Button>
      </form>
    </section>
  );
}
