import type { Role } from "../authorisation/roles";

/** The signed-in user making a request, with what places them in relationships. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  providerId: string | null;
  /** For a supported person: their own person record. */
  personId: string | null;
}
