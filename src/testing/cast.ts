import type { Cairn } from "../server";
import { TestUser } from "./api";

// The demo staff a journey needs, each signed in once per Cairn: argon2 makes sign-in the
// dearest request, and journeys in one file share the same worker, manager and officers.

interface Account {
  email: string;
  role: string;
  description: string;
}

export interface Cast {
  worker: TestUser;
  /** The team manager of the worker's team: signs off assessments, approves over budget. */
  manager: TestUser;
  finance: TestUser;
  /** The first demo provider's staff, and that provider's id. */
  provider: TestUser;
  providerId: string;
  /** A signed-in member of staff of a demo provider, by its id. */
  staffOf(providerId: string): Promise<TestUser>;
}

const casts = new WeakMap<Cairn, Promise<Cast>>();

/** The demo staff of this Cairn, signed in on first use. */
export function castOf(cairn: Cairn): Promise<Cast> {
  let cast = casts.get(cairn);
  if (!cast) {
    cast = assemble(cairn);
    casts.set(cairn, cast);
  }
  return cast;
}

async function assemble(cairn: Cairn): Promise<Cast> {
  const accounts: Account[] = (await new TestUser(cairn).get("/api/demo/accounts")).body.accounts;
  const signIn = async (account: Account | undefined) => {
    if (!account) throw new Error("the demo lacks an account a journey needs");
    const user = new TestUser(cairn);
    const reply = await user.signIn(account.email);
    if (reply.status !== 200) throw new Error(`sign-in: ${JSON.stringify(reply.body)}`);
    return user;
  };
  const first = (role: string) => accounts.find((a) => a.role === role);
  const workerAccount = first("social-worker") as Account;
  const manages = workerAccount.description.replace("Works in", "Manages");
  const staff = accounts.filter((a) => a.role === "provider-staff");
  const byProvider = new Map<string, TestUser>();
  const unsigned = staff.slice(1);
  const staffOf = async (providerId: string) => {
    while (!byProvider.has(providerId) && unsigned.length > 0) {
      const user = await signIn(unsigned.shift());
      byProvider.set((await user.get("/api/session")).body.user.providerId, user);
    }
    const user = byProvider.get(providerId);
    if (!user) throw new Error(`no demo staff at provider ${providerId}`);
    return user;
  };
  const provider = await signIn(staff[0]);
  const providerId: string = (await provider.get("/api/session")).body.user.providerId;
  byProvider.set(providerId, provider);
  return {
    worker: await signIn(workerAccount),
    manager: await signIn(
      accounts.find((a) => a.role === "team-manager" && a.description.includes(manages)),
    ),
    finance: await signIn(first("finance-officer")),
    provider,
    providerId,
    staffOf,
  };
}
