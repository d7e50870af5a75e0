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

export interface DemoCairn {
  /** Where the server listens, set once it is ready. */
  url: string;
  accounts: DemoAccount[];
  browser: Browser;
  /** A fresh browser context on the server, with reduced motion. */
  newPage(): Promise<Page>;
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
