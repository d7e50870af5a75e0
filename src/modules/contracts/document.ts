import type { PlainDocument } from "../../platform/documents/pdf";
import type { ContractDocument } from "./template";

const PARTY_WORDS = {
  person: "The person",
  provider: "The provider",
  council: "The council",
} as const;

export interface SignatureFacts {
  signerName: string;
  signedAt: string;
  method: "online" | "paper";
  signedOn: string | null;
  recordedBy: string | null;
}

/** How a signature was made, in the words the view, the PDF and the page all use. */
export function howSigned(s: SignatureFacts) {
  return s.method === "paper"
    ? `signed by ${s.signerName} on paper on ${s.signedOn}, recorded by ${s.recordedBy}`
    : `signed by ${s.signerName} online on ${s.signedAt.slice(0, 10)}`;
}

/** The contract as a printable document: in full, or easy read (one idea a line). */
export function printable(
  doc: ContractDocument,
  hash: string,
  signatures: (SignatureFacts & { party: string })[],
  easyRead: boolean,
): PlainDocument {
  return {
    title: easyRead ? `${doc.title} (easy read)` : doc.title,
    subtitle: `Version ${doc.version}. Between: ${doc.parties.map((p) => `${p.name} (${PARTY_WORDS[p.party].toLowerCase()})`).join(", ")}.`,
    sections: [
      ...doc.sections.map((s) => ({
        heading: s.heading,
        paragraphs: easyRead ? s.easyRead : s.paragraphs,
      })),
      {
        heading: easyRead ? "Who has signed" : "Signatures",
        paragraphs: doc.parties
          .filter((p) => p.signs)
          .map((p) => {
            const signed = signatures.find((s) => s.party === p.party);
            return signed
              ? `${PARTY_WORDS[p.party]}: ${howSigned(signed)}.`
              : `${PARTY_WORDS[p.party]}: not signed yet.`;
          }),
      },
    ],
    footer: `Document fingerprint (SHA-256): ${hash}. Any change to the words changes this fingerprint.`,
  };
}
