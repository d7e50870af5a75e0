import { describe, expect, it } from "vitest";
import { standingIn } from "../../platform/authorisation/standing";
import { mayReadContract } from "./standing";

const CALLANDER = "provider-callander";
const OTHER = "provider-other";
const staffOf = (providerId: string | null) => ({ role: "provider-staff" as const, providerId });
const worker = { role: "social-worker" as const, providerId: null };

describe("how the actor stands in one contract", () => {
  it("puts a provider in its own contracts only, whatever it is to the person", () => {
    expect(standingIn(staffOf(CALLANDER), { providerId: CALLANDER }, "supporting-provider")).toBe(
      "supporting-provider",
    );
    expect(standingIn(staffOf(CALLANDER), { providerId: OTHER }, "supporting-provider")).toBe(
      "none",
    );
    // A direct payment agreement names no provider: no provider stands in it.
    expect(standingIn(staffOf(CALLANDER), { providerId: null }, "supporting-provider")).toBe(
      "none",
    );
    expect(standingIn(staffOf(null), { providerId: null }, "none")).toBe("none");
  });

  it("keeps a provider only asked in a request as asked, never as supporting the person", () => {
    const request = { providerId: CALLANDER, standing: "asked-provider" as const };
    expect(standingIn(staffOf(CALLANDER), request, "none")).toBe("asked-provider");
    expect(standingIn(staffOf(OTHER), request, "none")).toBe("none");
  });

  it("puts everyone else in it as they stand to the person", () => {
    expect(standingIn(worker, { providerId: OTHER }, "allocated-worker")).toBe("allocated-worker");
    expect(standingIn(worker, { providerId: OTHER }, "none")).toBe("none");
  });
});

describe("which of a person's contracts the actor may read", () => {
  it("shows a provider supporting the person only the contracts naming it", () => {
    expect(
      mayReadContract(staffOf(CALLANDER), { providerId: CALLANDER }, "supporting-provider"),
    ).toBe(true);
    expect(mayReadContract(staffOf(CALLANDER), { providerId: OTHER }, "supporting-provider")).toBe(
      false,
    );
    expect(mayReadContract(staffOf(CALLANDER), { providerId: null }, "supporting-provider")).toBe(
      false,
    );
  });

  it("shows the allocated worker every contract, and a stranger none", () => {
    expect(mayReadContract(worker, { providerId: OTHER }, "allocated-worker")).toBe(true);
    expect(mayReadContract(worker, { providerId: null }, "allocated-worker")).toBe(true);
    expect(mayReadContract(worker, { providerId: OTHER }, "none")).toBe(false);
  });
});
