import { describe, expect, it } from "vitest";
import { mayActFor, partyOf, type SignerFacts } from "./signing";

const PERSON = "person-1";
const LINN = "provider-linn";
const contract = { personId: PERSON, providerId: LINN };
const nobody = { personId: null, providerId: null };
const facts = (f: Partial<SignerFacts> & Pick<SignerFacts, "party" | "actor">): SignerFacts => ({
  contract,
  relationship: "none",
  authority: null,
  ...f,
});

describe("who holds the authority to sign for a party", () => {
  it("lets only the contract's own provider sign for the provider", () => {
    const staffOf = (providerId: string | null) => ({
      role: "provider-staff" as const,
      personId: null,
      providerId,
    });
    const provider = (providerId: string | null) =>
      mayActFor(
        facts({
          party: "provider",
          actor: staffOf(providerId),
          relationship: "supporting-provider",
        }),
      );
    expect(provider(LINN)).toBe(true);
    expect(provider("provider-other")).toBe(false);
    expect(provider(null)).toBe(false);
    const worker = { role: "social-worker" as const, ...nobody };
    expect(
      mayActFor(facts({ party: "provider", actor: worker, relationship: "allocated-worker" })),
    ).toBe(false);
  });

  it("lets the case holder sign for the council, and no one else", () => {
    const worker = { role: "social-worker" as const, ...nobody };
    const manager = { role: "team-manager" as const, ...nobody };
    expect(
      mayActFor(facts({ party: "council", actor: worker, relationship: "allocated-worker" })),
    ).toBe(true);
    expect(
      mayActFor(facts({ party: "council", actor: manager, relationship: "team-manager" })),
    ).toBe(true);
    expect(mayActFor(facts({ party: "council", actor: worker, relationship: "none" }))).toBe(false);
    const finance = { role: "finance-officer" as const, ...nobody };
    expect(mayActFor(facts({ party: "council", actor: finance, relationship: "none" }))).toBe(
      false,
    );
    const person = { role: "supported-person" as const, personId: PERSON, providerId: null };
    expect(mayActFor(facts({ party: "council", actor: person, relationship: "self" }))).toBe(false);
  });

  it("lets the person sign for themselves, and only a representative with a signing authority", () => {
    const person = (personId: string) => ({
      role: "supported-person" as const,
      personId,
      providerId: null,
    });
    expect(mayActFor(facts({ party: "person", actor: person(PERSON), relationship: "self" }))).toBe(
      true,
    );
    expect(mayActFor(facts({ party: "person", actor: person("someone-else") }))).toBe(false);
    const rep = { role: "representative" as const, ...nobody };
    const asRep = (authority: string | null) =>
      mayActFor(facts({ party: "person", actor: rep, relationship: "representative", authority }));
    expect(asRep("welfare-guardian")).toBe(true);
    expect(asRep("welfare-power-of-attorney")).toBe(true);
    expect(asRep("continuing-power-of-attorney")).toBe(true);
    expect(asRep("informal-carer")).toBe(false);
    expect(asRep(null)).toBe(false);
    const worker = { role: "social-worker" as const, ...nobody };
    expect(
      mayActFor(facts({ party: "person", actor: worker, relationship: "allocated-worker" })),
    ).toBe(false);
  });
});

describe("the party someone speaks for", () => {
  it("follows how they stand in the contract", () => {
    expect(partyOf("self")).toBe("person");
    expect(partyOf("representative")).toBe("person");
    expect(partyOf("supporting-provider")).toBe("provider");
    expect(partyOf("allocated-worker")).toBe("council");
    expect(partyOf("team-manager")).toBe("council");
    expect(partyOf("none")).toBeNull();
    expect(partyOf("named-reviewer")).toBeNull();
  });
});
