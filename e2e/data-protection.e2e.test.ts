import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/browser";
import { type DemoAccount, demoCairn } from "./support/demo-cairn";

// Issue 13: the pages a data protection officer (through an administrator), a team and a case
// holder use: subject access and retention, moving a caseload, ending a representative's authority.

const demo = demoCairn();

async function signedIn(account: DemoAccount): Promise<Page> {
  const page = await demo.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${account.displayName}` }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

const role = (r: string, describedAs = "") =>
  demo.accounts.find((a) => a.role === r && a.description.includes(describedAs)) as DemoAccount;

describe("what a data protection officer needs, in the browser", () => {
  it("a worker ends a representative's authority from the person's record; their access stops", async () => {
    const rep = role("representative");
    const [person] = await demo.peopleSeenBy(rep);
    expect(person).toBeDefined();
    const worker = demo.accounts.find(
      (a) => a.displayName === person?.allocatedWorker?.displayName,
    ) as DemoAccount;
    const page = await signedIn(worker);
    await page.goto(`/people/${person?.id}`);
    await page.getByRole("link", { name: `End ${rep.displayName}'s authority` }).click();
    await page
      .getByRole("heading", { level: 1, name: `End ${rep.displayName}'s authority` })
      .waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "End the authority" }).click();
    await page.getByText("Say why the authority ended").first().waitFor();
    await expectAccessible(page);
    await page.getByLabel("Why it ended").fill("The welfare power of attorney was revoked.");
    await page.getByRole("button", { name: "End the authority" }).click();
    await page
      .getByRole("heading", { level: 1, name: new RegExp(person?.familyName ?? "") })
      .waitFor();
    expect(
      await page.getByRole("link", { name: `End ${rep.displayName}'s authority` }).count(),
    ).toBe(0);
    expect(await demo.peopleSeenBy(rep)).toEqual([]);
  });

  it("an administrator finds a person, downloads everything about them, and sets retention", async () => {
    const worker = role("social-worker");
    const [someone] = await demo.peopleSeenBy(worker);
    const page = await signedIn(role("administrator"));
    await page.getByRole("link", { name: /Data protection/ }).click();
    await page.getByRole("heading", { level: 1, name: "Data protection" }).waitFor();
    await page
      .getByLabel("Name or CHI number")
      .fill(`${someone?.givenName} ${someone?.familyName}`);
    await page.getByRole("button", { name: "Find" }).click();
    const link = page
      .getByRole("link", {
        name: `Download everything about ${someone?.givenName} ${someone?.familyName} (zip)`,
      })
      .first();
    await link.waitFor();
    await expectAccessible(page);
    const zip = await page.request.get((await link.getAttribute("href")) as string);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");

    await page.getByLabel("Years to keep a closed case").fill("0");
    await page.getByRole("button", { name: "Save the retention periods" }).click();
    await page.getByText("Years to keep a closed case must be at least 1").first().waitFor();
    await expectAccessible(page);
    await page.getByLabel("Years to keep a closed case").fill("7");
    await page.getByRole("button", { name: "Save the retention periods" }).click();
    await page.getByText("Retention periods saved.").waitFor();
    await page.getByRole("heading", { name: "Closed cases past retention" }).waitFor();
  });

  it("an administrator moves one person from a leaver's caseload to another worker", async () => {
    const from = role("social-worker", "Kirkcaldy");
    const to = role("social-worker", "Dunfermline");
    const held = await demo.peopleSeenBy(from);
    const mover = held.at(-1);
    const page = await signedIn(role("administrator"));
    await page.getByRole("link", { name: "Move a caseload when a worker leaves" }).click();
    await page.getByRole("heading", { level: 1, name: "Move a caseload" }).waitFor();
    const choose = async (label: string, name: string) => {
      const select = page.getByLabel(label);
      const value = await select.locator("option", { hasText: name }).getAttribute("value");
      await select.selectOption(value as string);
    };
    await choose("Whose caseload moves", from.displayName);
    await page.locator(`#personIds-${mover?.id}`).check({ force: true });
    await choose("Who takes them on", to.displayName);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Move the caseload" }).click();
    await page.getByText("Moved 1 person.").waitFor();
    const after = await demo.peopleSeenBy(to);
    expect(after.map((p) => p.id)).toContain(mover?.id);
  });
});
