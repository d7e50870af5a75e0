import { execFileSync } from "node:child_process";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/browser";
import { type DemoAccount, demoCairn } from "./support/demo-cairn";

// Money follows the plan exactly: a pooled one-off share, a one-off purchase and an Option 4
// plan (one Option 1 line, Option 2 lines) walked through the plan, the contract PDFs and the
// statement in the browser.

const demo = demoCairn();
const newPage = () => demo.newPage();

async function pickDemoAccount(page: Page, account: DemoAccount) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${account.displayName}` }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

/** Signs a demo account in over HTTP and reads the people it may see. */

/** The text of a PDF the page links to, with its lines joined as one run of words. */
async function pdfText(page: Page, href: string) {
  const pdf = await page.request.get(href);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  return execFileSync("pdftotext", ["-", "-"], { input: await pdf.body() })
    .toString()
    .replace(/\s+/g, " ");
}

/** Adds one support through the plan page's form. */
async function addSupport(page: Page, fill: (form: Page) => Promise<void>, why: string) {
  await page.getByLabel("Which outcome does it meet?").selectOption({ index: 1 });
  await fill(page);
  await page.getByLabel("What changed and why").fill(why);
  await page.getByRole("button", { name: "Add to the plan" }).click();
}

/** Clicks each of the page's buttons matching `name` in turn, until none is left. */
async function signAll(page: Page, name: RegExp) {
  const buttons = page.getByRole("button", { name });
  await buttons.first().waitFor();
  for (let left = await buttons.count(); left > 0; left--) {
    await buttons.first().click();
    await expect.poll(() => buttons.count()).toBe(left - 1);
  }
}

describe("money follows the plan, in the browser", () => {
  it("shows a pooled share and a holiday as once-only, and an Option 4 plan as two agreements", async () => {
    const { person, personAccount, workerAccount } = await demo.personAt("budget-set");
    const friend = (await demo.peopleSeenBy(workerAccount)).find((p) => p.id !== person?.id);
    if (!friend) throw new Error("the worker holds no one else");
    const providerAccount = demo.accounts.find((a) => a.role === "provider-staff") as DemoAccount;
    const providerName = providerAccount.description.replace(/^Staff at /, "");
    const planPath = `/people/${person.id}/plan`;

    // The worker sets up a one-off short break shared with a friend, and writes the plan.
    const worker = await newPage();
    await pickDemoAccount(worker, workerAccount);
    await worker.goto(planPath);
    await worker.getByLabel("Name of the shared support").fill("Shared short break in Crail");
    await worker.getByLabel("What it is").fill("Two friends sharing staff for a week by the sea");
    await worker.getByLabel("The whole cost (£)").fill("1000.01");
    await worker
      .getByLabel(`${friend.givenName} ${friend.familyName}`, { exact: true })
      .check({ force: true });
    await worker.getByRole("button", { name: "Set up the shared support" }).click();
    await worker.getByText("share is £500.01, paid once").waitFor();

    await addSupport(
      worker,
      async (p) => {
        await p.getByLabel("Kind of support").selectOption("pooled");
        await p.getByLabel("What the support is").fill("My share of the short break");
        await p.getByLabel("Provider (if any)").selectOption({ label: providerName });
        await p
          .getByLabel("Which shared support?")
          .selectOption({ label: "Shared short break in Crail" });
      },
      "A short break shared with a friend",
    );
    await worker.getByRole("heading", { name: "My share of the short break" }).waitFor();
    await addSupport(
      worker,
      async (p) => {
        await p.getByLabel("Kind of support").selectOption("purchase");
        await p.getByLabel("What the support is").fill("A week's holiday");
        await p.getByLabel("Provider (if any)").selectOption({ label: providerName });
        await p.getByLabel("Once", { exact: true }).check({ force: true }); // the radio is drawn over its label
        await p.getByLabel("Amount (£)").fill("1200.00");
        await p.getByLabel("How it helps with the outcome").fill("A rest by the sea");
      },
      "A holiday",
    );
    await worker.getByRole("heading", { name: "A week's holiday" }).waitFor();
    await addSupport(
      worker,
      async (p) => {
        await p.getByLabel("Kind of support").selectOption("personal-assistant");
        await p.getByLabel("What the support is").fill("A personal assistant for the allotment");
        await p.getByLabel("Option", { exact: true }).selectOption("1");
        await p.getByLabel("By the hour", { exact: true }).check({ force: true });
        await p.getByLabel("Hours a week").fill("2");
        await p.getByLabel("Hourly rate (£)").fill("15.00");
      },
      "Her own PA on Saturdays",
    );
    await worker.getByRole("heading", { name: "A personal assistant for the allotment" }).waitFor();

    // The plan: Option 4, each one-off amount once, the PA by the year.
    await worker.getByText("Option 4: a mix.").waitFor();
    await worker.getByText("£500.01 once").first().waitFor();
    await worker.getByText("£1,200.00 once").first().waitFor();
    await worker.getByText("£1,560.00 a year").first().waitFor();
    await expectAccessible(worker);

    // The provider of the short break is asked, and takes it on from today.
    await worker
      .getByRole("article")
      .filter({ hasText: "My share of the short break" })
      .getByRole("button", { name: "Send the request" })
      .click();
    await worker.getByText(`${providerName}: waiting for their answer`).waitFor();
    const provider = await newPage();
    await pickDemoAccount(provider, providerAccount);
    const name = `${person.givenName} ${person.familyName}`;
    const request = provider.locator("article", { hasText: name }).first();
    await request.getByLabel("Start date").fill(new Date().toISOString().slice(0, 10));
    await request.getByLabel("Hours per week").fill("1");
    await request.getByRole("button", { name: "Accept" }).click();
    await provider.getByText(`${name}: from`).first().waitFor();

    await worker.reload();
    await worker.getByRole("button", { name: "Approve this version" }).click();
    await worker.getByText(/Approved on/).waitFor();

    // The agreements: an ISF of one-off money only, and a direct payment paid by the hour.
    await worker.getByRole("link", { name: "The agreements: read and sign" }).click();
    await worker
      .getByRole("button", { name: "Make or update the agreements from the approved plan" })
      .click();
    await worker.getByRole("heading", { name: /Individual Service Fund agreement for/ }).waitFor();
    await worker.getByRole("heading", { name: /Direct payment agreement for/ }).waitFor();
    await expectAccessible(worker);
    const pdfs = worker.getByRole("link", { name: "The agreement as a PDF" });
    const texts = [];
    for (let i = 0; i < (await pdfs.count()); i++)
      texts.push(await pdfText(worker, (await pdfs.nth(i).getAttribute("href")) ?? ""));
    const isf = texts.find((t) => t.includes("Individual Service Fund agreement")) ?? "";
    const dp = texts.find((t) => t.includes("Direct payment agreement")) ?? "";
    expect(isf).toMatch(/The budget is £500\.01 once, in \w+ 20\d\d and £1,200\.00 once, in/);
    expect(isf).toContain("A week's holiday (£1,200.00 once, in");
    expect(isf).toContain("None of it is paid by the hour");
    expect(isf).not.toMatch(/£1,200\.00 a year|£1,700\.01 a year|not paid by the hour an hour/);
    expect(dp).toContain("The direct payment is £1,560.00 a year (about £30.00 a week)");
    expect(dp).toContain("Support by the hour is paid at £15.00 an hour, about 2 hours a week");
    expect(dp).not.toMatch(/£[\d,.]+ once/);

    await signAll(worker, /sign for the council/);
    const own = await newPage();
    await pickDemoAccount(own, personAccount);
    await own.goto(`/people/${person.id}/contracts`);
    await own.getByRole("heading", { level: 1, name: "Your agreements" }).waitFor();
    await signAll(own, /sign for the person/);
    await provider.goto(`/people/${person.id}/contracts`);
    await signAll(provider, /sign for the provider/);
    await provider.getByText("In force: everyone has signed.").waitFor();

    // The month's money: each one-off amount once, named as paid once, on the statement.
    const finance = await newPage();
    await pickDemoAccount(
      finance,
      demo.accounts.find((a) => a.role === "finance-officer") as DemoAccount,
    );
    await finance.getByRole("button", { name: "Pay the month's budgets into funds" }).click();
    await finance.getByText(/funds paid for/).waitFor();
    await own.goto(`/people/${person.id}/money`);
    await own.getByRole("heading", { level: 1, name: "Your money" }).waitFor();
    const isfFund = own.getByRole("region", { name: /Individual Service Fund/ });
    await isfFund
      .getByRole("rowheader", {
        name: "In: From the council, once only: My share of the short break",
      })
      .waitFor();
    await isfFund
      .getByRole("rowheader", { name: "In: From the council, once only: A week's holiday" })
      .waitFor();
    expect(
      await isfFund.getByRole("rowheader", { name: "In: From the council", exact: true }).count(),
    ).toBe(0);
    await expectAccessible(own);
    await own.goto(planPath);
    await own.getByText("your share is £500.01, paid once").waitFor();
    await expectAccessible(own);
  });
});
