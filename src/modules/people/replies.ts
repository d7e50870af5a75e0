import { z } from "zod";
import { STAGES } from "./stage";

// The shapes the people routes return: the reply schemas (so the server serialises through
// them) and the types the web derives from them.

/** The authority a representative holds to act for a person. */
export const AUTHORITIES = [
  "welfare-guardian",
  "welfare-power-of-attorney",
  "continuing-power-of-attorney",
  "informal-carer",
] as const;

export const UserRef = z.object({ id: z.uuid(), displayName: z.string() });
export type UserRef = z.infer<typeof UserRef>;

export const PersonSummary = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  locality: z.object({ id: z.uuid(), name: z.string() }),
  stage: z.enum(STAGES),
  allocatedWorker: UserRef.nullable(),
  hasAccount: z.boolean(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PeopleList = z.object({ people: z.array(PersonSummary) });
export type PeopleList = z.infer<typeof PeopleList>;

export const Localities = z.object({
  localities: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type Localities = z.infer<typeof Localities>;
