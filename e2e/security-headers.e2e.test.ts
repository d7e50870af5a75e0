import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type DemoAccount, demoCairn } from "./support/demo-cairn";

// Issue 13, finding 4: with the strict Content-Security-Policy and Permissions-Policy on, the
// web app, the public search page and the API docs work in Chromium with no violation.

const demo = demoCairn();

/** A page that records every CSP violation and every complaint about the headers. */
async function watchedPage() {
  const page = await demo.newPage();
  const complaints: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(text)) complaints.push(text);
  });
  page.on("pageerror", (error) => complaints.push(`page error: ${error.message}`));
  // Run by the browser before the page's own scripts, whatever the page's CSP says.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const w = window as unknown as { cspViolations?: string[] };
      w.cspViolations = [
        ...(w.cspViolations ?? []),
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`,
      ];
    });
  });
  const violations = async () => [
    ...complaints,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    )),
  ];
  return { page, violations };
}

async function signIn(page: Page, account: DemoAccount) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${account.displayName}` }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

describe("pages under the security headers (issue 13, finding 4)", () => {
  it("the web app's pages load with no CSP violation", async () => {
    const { person, workerAccount } = await demo.personAt("active");
    const { page, violations } = await watchedPage();
    const response = await page.goto("/sign-in");
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(response?.headers()["cache-control"]).toBe("no-store");
    await signIn(page, workerAccount);
    await page.getByRole("heading", { level: 1, name: "Your caseload" }).waitFor();
    await page.goto(`/people/${person.id}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(person.familyName) }).waitFor();
    await page.goto(`/people/${person.id}/money`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
  });

  it("the public search page loads its styles with no CSP violation", async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto("/find-support?kind=voluntary&page=1");
    expect(response?.headers()["content-security-policy"]).toContain("style-src 'self';");
    await page.getByRole("heading", { name: /services? found/ }).waitFor();
    // Its own rules come from the stylesheet now: the header is still the design system's blue.
    const header = await page
      .locator("header")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe("rgb(0, 101, 189)");
    expect(await violations()).toEqual([]);
  });

  it("the API docs render under their own CSP", async () => {
    const { page, violations } = await watchedPage();
    const response = await page.goto("/docs/");
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await page.getByText("Cairn API").first().waitFor();
    await page.locator(".opblock").first().waitFor();
    expect(await violations()).toEqual([]);
  });
});
