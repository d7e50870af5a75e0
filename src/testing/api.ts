import { DEMO_PASSWORD } from "../demo/accounts";
import { createTestDatabase, type TestDatabase } from "../platform/db/testing";
import { assembleCairn, type Cairn } from "../server";

/** Cairn on a fresh test database with the demo council loaded, driven by inject(). */
export async function startTestCairn(): Promise<TestCairn> {
  const database = await createTestDatabase();
  const cairn = await assembleCairn(database, { demo: true, secureCookies: false });
  return { ...cairn, database };
}

/** Cairn under test: its database can also be reached as the owner (`asOwner`), to tamper. */
export type TestCairn = Cairn & { database: TestDatabase };

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read replies by shape and assert on them
  body: any;
  headers: Record<string, unknown>;
}

/** A signed-in user: keeps the session cookie and sends the CSRF token on writes. */
export class TestUser {
  private cookie = "";
  private csrf = "";
  /** Where its requests come from: a client address and User-Agent (default: inject's). */
  constructor(
    private readonly cairn: Cairn,
    private readonly from: { address?: string; userAgent?: string } = {},
  ) {}

  async signIn(email: string, password = DEMO_PASSWORD): Promise<Reply> {
    return this.keepSession(await this.send("POST", "/api/session", { email, password }));
  }

  /** The second step of signing in: the code for the challenge a right password gave. */
  async answerTwoStep(challenge: string, code: string): Promise<Reply> {
    return this.keepSession(await this.send("POST", "/api/session/two-step", { challenge, code }));
  }

  private keepSession(reply: Reply): Reply {
    if (reply.status === 200) {
      this.csrf = reply.body.csrfToken;
      const setCookie = String(reply.headers["set-cookie"] ?? "");
      this.cookie = setCookie.split(";")[0] ?? "";
    }
    return reply;
  }

  /** The session cookie and CSRF token, for requests that are not JSON. */
  get cookieHeader() {
    return this.cookie;
  }

  get csrfToken() {
    return this.csrf;
  }

  get = (url: string) => this.send("GET", url);
  post = (url: string, body: unknown) => this.send("POST", url, body);

  async send(
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const res = await this.cairn.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as object),
      ...(this.from.address ? { remoteAddress: this.from.address } : {}),
      headers: {
        ...(this.from.userAgent ? { "user-agent": this.from.userAgent } : {}),
        cookie: this.cookie,
        ...(this.csrf ? { "x-csrf-token": this.csrf } : {}),
        ...headers,
      },
    });
    const text = res.body;
    const json = String(res.headers["content-type"] ?? "").includes("json");
    return {
      status: res.statusCode,
      body: json && text ? JSON.parse(text) : text,
      headers: res.headers,
    };
  }
}

/** Signs in the first demo account with a role (or whose description contains a text). */
export async function demoUser(
  cairn: Cairn,
  role: string,
  describedAs?: string,
): Promise<TestUser> {
  const anonymous = new TestUser(cairn);
  const { body } = await anonymous.get("/api/demo/accounts");
  const account = body.accounts.find(
    (a: { role: string; description: string }) =>
      a.role === role && (!describedAs || a.description.includes(describedAs)),
  );
  if (!account) throw new Error(`no demo ${role} ${describedAs ?? ""}`);
  const user = new TestUser(cairn);
  const reply = await user.signIn(account.email);
  if (reply.status !== 200) throw new Error(`demo sign-in failed: ${JSON.stringify(reply.body)}`);
  return user;
}

/** Records an assessment as `worker`, submits it, and has the team's manager sign it off. */
export async function signedOffAssessment(
  cairn: Cairn,
  worker: TestUser,
  personId: string,
  content: object,
): Promise<string> {
  const created = await worker.post(`/api/people/${personId}/assessments`, content);
  if (created.status !== 201) throw new Error(`assessment: ${JSON.stringify(created.body)}`);
  const { assessmentId } = created.body;
  const submitted = await worker.post(`/api/assessments/${assessmentId}/submission`, {});
  if (submitted.status !== 200) throw new Error(`submission: ${JSON.stringify(submitted.body)}`);
  const team = (await worker.get("/api/session")).body.user;
  const { body } = await new TestUser(cairn).get("/api/demo/accounts");
  const me = body.accounts.find((a: { email: string }) => a.email === team.email);
  const manager = await demoUser(
    cairn,
    "team-manager",
    me.description.replace("Works in", "Manages"),
  );
  const review = await manager.post(`/api/assessments/${assessmentId}/review`, {
    decision: "approve",
  });
  if (review.status !== 200) throw new Error(`review: ${JSON.stringify(review.body)}`);
  return assessmentId;
}

/** A password a test's own account sets (long enough, not a common one). */
export const OWN_PASSWORD = "heather on the hill at dawn";

/** The token in a set-password link (/set-password?token=...). */
export const tokenOf = (link: string) =>
  new URL(link, "http://cairn.test").searchParams.get("token") ?? "";

/** The owner of a new account sets their password with the link they were handed. */
export async function setOwnPassword(cairn: Cairn, link: string, password = OWN_PASSWORD) {
  return new TestUser(cairn).post("/api/set-password", { token: tokenOf(link), password });
}
