import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/browser";
import { type DemoAccount, demoCairn } from "./support/demo-cairn";

// Finance's checks on money, in the browser: return lines held to be asked about, and bank
// details that one officer proposes and a second approves before any run uses them.

const demo = demoCairn();

async function signInAs(page: Page, account: DemoAccount) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${account.displayName}` }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

describe("finance's money checks, in the browser", () => {
  it("proposes bank details as one officer and approves them as another, masked", async () => {
    const [first, second] = demo.accounts.filter((a) => a.role === "finance-officer");
    if (!first || !second) throw new Error("the demo has two finance officers");

    const page = await demo.newPage();
    await signInAs(page, first);
    await page.getByRole("link", { name: "Return lines to ask about" }).click();
    await page.getByRole("heading", { name: "Return lines to ask about" }).waitFor();
    await expectAccessible(page);
    await page.goto("/");
    await page.getByRole("link", { name: "Bank details of payees" }).click();
    await page.getByRole("heading", { name: "Bank details of payees" }).waitFor();
    await expectAccessible(page);

    const card = page.locator("article").first();
    const payee = await card.getByRole("heading", { level: 2 }).textContent();
    await card.getByLabel("Sort code").fill("80-22-60");
    await card.getByLabel("Account number").fill("12345678");
    await card.getByRole("button", { name: "Propose" }).click();
    await card.getByText("A second finance officer must approve them").waitFor();
    await card.getByText("You proposed this change").waitFor();
    expect(await page.content()).not.toContain("12345678");

    const other = await demo.newPage();
    await signInAs(other, second);
    await other.goto("/money/bank-details");
    const theirs = other.locator("article", {
      has: other.getByRole("heading", { name: payee ?? "", exact: true }),
    });
    await theirs.getByText("Sort code **-**-60, account ****5678, proposed by").waitFor();
    await theirs.getByRole("button", { name: "Approve the new bank details" }).click();
    await theirs.getByText("Approved. Payment runs pay into these details").waitFor();
    await theirs.getByText("In use").waitFor();
    await expect
      .poll(async () => theirs.getByText("Sort code **-**-60, account ****5678").count())
      .toBeGreaterThan(0);
    await expectAccessible(other);
  });
});
