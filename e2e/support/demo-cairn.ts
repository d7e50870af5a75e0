import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  type ServerProcess,
  startServerProcess,
  stopServer,
  waitUntilReady,
} from "../../src/testing/server-process";
import { launchChromium } from "./browser";

export interface DemoAccount {
  email: string;
  displayName: string;
  role: string;
  description: string;
}

/** A person as the people list gives them. */
export interface SeenPerson {
  id: string;
  givenName: string;
  familyName: string;
  stage: string;
  allocatedWorker: { displayName: string } | null;
}

export interface DemoCairn {
  /** Where the server listens, set once it is ready. */
  url: string;
  accounts: DemoAccount[];
  browser: Browser;
  /** A fresh browser context on the server, with reduced motion. */
  newPage(): Promise<Page>;
  /** The people an account sees in its list, read through the API. */
  peopleSeenBy(account: DemoAccount): Promise<SeenPerson[]>;
  /** A demo person at a stage of the journey, their own account and their worker's. */
  personAt(stage: string): Promise<{
    person: SeenPerson;
    personAccount: DemoAccount;
    workerAccount: DemoAccount;
  }>;
}

/**
 * A real Cairn server on its own data dir with the demo council, and Debian's Chromium, for one
 * test file: started before its tests, stopped and removed after them.
 */
export function demoCairn(): DemoCairn {
  let server: ServerProcess | undefined;
  let dataDir = "";
  const demo: DemoCairn = {
    url: "",
    accounts: [],
    browser: undefined as unknown as Browser,
    async newPage() {
      // Reduced motion: axe then judges colours at rest, not halfway through a transition.
      const context = await demo.browser.newContext({ baseURL: demo.url, reducedMotion: "reduce" });
      return context.newPage();
    },
    async peopleSeenBy(account) {
      const res = await fetch(`${demo.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: account.email, password: "cairn-demo" }),
      });
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return (await (await fetch(`${demo.url}/api/people`, { headers: { cookie } })).json()).people;
    },
    async personAt(stage) {
      for (const personAccount of demo.accounts.filter((a) => a.role === "supported-person")) {
        const person = (await demo.peopleSeenBy(personAccount)).find((p) => p.stage === stage);
        const workerAccount = demo.accounts.find(
          (a) => a.displayName === person?.allocatedWorker?.displayName,
        );
        if (person && workerAccount) return { person, personAccount, workerAccount };
      }
      throw new Error(`no demo person at the stage ${stage}`);
    },
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "cairn-e2e-"));
    server = await startServerProcess({ CAIRN_DATA_DIR: dataDir, CAIRN_DEMO: "1" });
    await waitUntilReady(server);
    demo.url = server.url;
    demo.accounts = (await (await fetch(`${server.url}/api/demo/accounts`)).json()).accounts;
    demo.browser = await launchChromium();
  });
  afterAll(async () => {
    await demo.browser?.close();
    if (server) await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  });
  return demo;
}
