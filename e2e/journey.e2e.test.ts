import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/browser";
import { type DemoAccount, demoCairn } from "./support/demo-cairn";

const demo = demoCairn();
const newPage = () => demo.newPage();

async function pickDemoAccount(page: Page, account: DemoAccount) {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByRole("button", { name: `Sign in as ${account.displayName}` }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
}

describe("the thin SDS journey in the browser", () => {
  it("takes a person from referral to active Option 2 support, seen by all three", async () => {
    const workerAccount = demo.accounts.find((a) => a.role === "social-worker") as DemoAccount;
    const providerAccount = demo.accounts.find((a) => a.role === "provider-staff") as DemoAccount;
    const providerName = providerAccount.description.replace(/^Staff at /, "");

    // The social worker records the referral, assessment, decision and budget.
    const worker = await newPage();
    await pickDemoAccount(worker, workerAccount);
    await worker.getByRole("heading", { level: 1, name: "Your caseload" }).waitFor();
    // The demo says so on every page, to screen readers too (a named region).
    await worker
      .getByRole("region", { name: "Demonstration" })
      .getByText(/demonstration of Cairn with made-up people/)
      .waitFor();
    await expectAccessible(worker);
    await worker.getByRole("link", { name: "Record a referral" }).click();
    await worker.getByLabel("Given name").fill("Isobel");
    await worker.getByLabel("Family name").fill("Journey");
    await worker.getByLabel("Date of birth").fill("1948-05-17");
    await worker.getByLabel("Locality").selectOption({ index: 1 });
    await worker.getByLabel("Who made the referral").selectOption("gp");
    await worker.getByLabel("Soon").check({ force: true }); // the design system draws the radio over its label
    await worker.getByLabel("Reason for referral").fill("Two falls at home this month.");
    await expectAccessible(worker);
    await worker.getByRole("button", { name: "Record referral" }).click();
    await worker.getByRole("heading", { level: 1, name: /Isobel Journey/ }).waitFor();
    const personPath = new URL(worker.url()).pathname;
    await expectAccessible(worker);

    await worker.getByRole("link", { name: "Record the assessment" }).click();
    await worker.getByLabel("Summary of the conversation").fill("Talked at home with her son.");
    await worker.reload(); // nothing typed is lost
    expect(await worker.getByLabel("Summary of the conversation").inputValue()).toBe(
      "Talked at home with her son.",
    );
    await worker
      .getByLabel("In the person's own words")
      .fill("I want to get back to my allotment on Saturdays");
    await worker.getByLabel("What they need").fill("A lift and a hand with the heavy work");
    await worker.getByLabel("Talking Points outcome").selectOption("Having things to do");
    await worker.getByLabel("National outcome").selectOption("wellbeing");
    await worker.getByRole("button", { name: "Add a risk" }).click();
    await worker.getByLabel("What could go wrong").fill("A fall at the allotment");
    await worker.getByLabel("What the person accepts").fill("Working alone in daylight");
    await worker.getByLabel("What reduces the risk").fill("A phone in her pocket");
    await worker.getByRole("button", { name: "Save draft" }).click();
    await worker.getByText("Draft saved as version 1.").waitFor();
    await expectAccessible(worker);
    await worker.getByRole("button", { name: "Submit for sign-off" }).click();
    await worker.getByText("Waiting for sign-off").first().waitFor();

    // The team manager, never the author, signs it off.
    const team = workerAccount.description.replace(/^Works in /, "");
    const managerAccount = demo.accounts.find(
      (a) => a.description === `Manages ${team}`,
    ) as DemoAccount;
    const manager = await newPage();
    await pickDemoAccount(manager, managerAccount);
    await manager
      .getByRole("region", { name: "Assessments waiting for your sign-off" })
      .getByRole("link", { name: "Isobel Journey" })
      .click();
    await expectAccessible(manager);
    await manager.getByRole("button", { name: "Sign off the assessment" }).click();
    await manager.getByText("Signed off").first().waitFor();

    await worker.reload();
    await worker.getByRole("link", { name: "Record the eligibility decision" }).click();
    await worker.getByLabel("Substantial").check({ force: true }); // the design system draws the radio over its label
    await worker
      .getByLabel("Reasons for the decision")
      .fill("Significant risk to her independence.");
    await expectAccessible(worker);
    await worker.getByRole("button", { name: "Record decision" }).click();

    await worker.getByRole("link", { name: "Set the budget" }).click();
    await worker.getByLabel("Annual budget (£)").fill("nonsense");
    await worker.getByLabel("Reason for this amount").fill("Six hours of support a week.");
    await worker.getByRole("button", { name: "Set budget" }).click();
    await worker
      .getByText(/Enter an amount in pounds/)
      .first()
      .waitFor(); // a clear field error
    await expectAccessible(worker);
    await worker.getByLabel("Annual budget (£)").fill("10400.00");
    await worker.getByRole("button", { name: "Set budget" }).click();
    await worker.getByText("£10,400.00").first().waitFor();

    await worker.getByRole("link", { name: "Give a sign-in" }).click();
    await worker.getByLabel("The person").check({ force: true }); // the design system draws the radio over its label
    await worker.getByLabel("Email", { exact: true }).fill("isobel.journey@example.org");
    await worker.getByLabel("Name", { exact: true }).fill("Isobel Journey");
    await worker.getByRole("button", { name: "Create sign-in" }).click();
    // The worker is given a one-time link to hand over, never a password.
    const link = (await worker.locator("#set-password-link").textContent())?.trim() ?? "";
    expect(link).toMatch(/\/set-password\?token=/);
    await expectAccessible(worker);

    // The person chooses their own password with the link, then signs in with it.
    const password = "allotment on a saturday morning";
    const person = await newPage();
    await person.goto(link);
    await person.getByText("isobel.journey@example.org").waitFor();
    await expectAccessible(person);
    await person.getByLabel("New password", { exact: true }).fill(password);
    await person.getByLabel("Type it again", { exact: true }).fill(password);
    await person.getByRole("button", { name: "Set my password" }).click();
    await person.getByRole("heading", { level: 1, name: "Your password is set" }).waitFor();
    await person.goto("/sign-in");
    await person.getByLabel("Email", { exact: true }).fill("isobel.journey@example.org");
    await person.getByLabel("Password", { exact: true }).fill(password);
    await person.getByRole("button", { name: "Sign in", exact: true }).click();
    await person.getByRole("heading", { level: 1, name: "Your support" }).waitFor();
    await person.getByText("I want to get back to my allotment on Saturdays").waitFor();
    await person.getByText("£10,400.00").first().waitFor();
    await expectAccessible(person);
    await person.getByRole("link", { name: "Choose how your support is arranged" }).click();
    await person.getByLabel(/^Option 2/).check({ force: true }); // the design system draws the radio over its label
    const providerSelect = person.getByLabel("Provider", { exact: true });
    const optionText = await providerSelect
      .locator("option", { hasText: providerName })
      .first()
      .textContent();
    await providerSelect.selectOption({ label: optionText ?? providerName });
    await person
      .getByLabel("Reason", { exact: true })
      .fill("They know my area and can do Saturdays.");
    await expectAccessible(person);
    await person.getByRole("button", { name: "Send my choice" }).click();
    await person.getByText(`Waiting for ${providerName}`).first().waitFor();

    // The provider accepts.
    const provider = await newPage();
    await pickDemoAccount(provider, providerAccount);
    const request = provider.getByRole("article").filter({ hasText: "Isobel Journey" });
    await request.getByLabel("Start date").fill("2026-12-07");
    await request.getByLabel("Hours per week").fill("6");
    await expectAccessible(provider);
    await request.getByRole("button", { name: "Accept" }).click();
    await provider
      .locator("section", { has: provider.getByRole("heading", { name: "People you support" }) })
      .getByText("Isobel Journey")
      .waitFor();

    // Each sees the plan active in their own view.
    await person.reload();
    await person.getByText(`Active: ${providerName} is supporting you`).first().waitFor();
    await worker.goto(personPath);
    await worker.getByText("Support active").first().waitFor();
    await worker.getByText(providerName).first().waitFor();
    await expectAccessible(worker);
  });
});

describe("recording a referral for someone who may already be known", () => {
  it("shows the possible duplicate and records a new person only once confirmed", async () => {
    const workerAccount = demo.accounts.find((a) => a.role === "social-worker") as DemoAccount;
    const worker = await newPage();
    await pickDemoAccount(worker, workerAccount);
    const known = worker.getByRole("row").nth(1);
    const name = (await known.getByRole("link").textContent()) ?? "";
    const [given, ...family] = name.split(" ");
    await known.getByRole("link").click();
    await worker.getByRole("heading", { level: 1, name }).waitFor();
    const record = await (await worker.request.get(`/api${new URL(worker.url()).pathname}`)).json();

    await worker.goto("/referrals/new");
    await worker.getByLabel("Given name").fill(given ?? "");
    await worker.getByLabel("Family name").fill(family.join(" "));
    await worker.getByLabel("Date of birth").fill(record.dateOfBirth);
    await worker.getByLabel("CHI number (if known)").fill("12345");
    await worker.getByLabel("Locality").selectOption({ index: 1 });
    await worker.getByLabel("Who made the referral").selectOption("self");
    await worker.getByLabel("Routine").check({ force: true });
    await worker.getByLabel("Reason for referral").fill("Asked for help again.");
    await worker.getByRole("button", { name: "Record referral" }).click();
    await worker.getByRole("link", { name: "A CHI number is 10 digits" }).waitFor();
    await expectAccessible(worker);
    await worker.getByLabel("CHI number (if known)").fill("");
    await worker.getByRole("button", { name: "Record referral" }).click();
    await worker.getByRole("heading", { name: "This person may already be recorded" }).waitFor();
    await expectAccessible(worker);
    await worker
      .getByLabel("None of these is the person: record someone new")
      .check({ force: true });
    await worker.getByRole("button", { name: "Record referral" }).click();
    await worker.getByRole("heading", { level: 1, name }).waitFor();
    expect(new URL(worker.url()).pathname).not.toBe(`/people/${record.id}`);
  });
});

describe("a decision that the person is not eligible", () => {
  it("shows places that can help and gives a printable plain-language letter", async () => {
    const workerAccount = demo.accounts.find((a) => a.role === "social-worker") as DemoAccount;
    const worker = await newPage();
    await pickDemoAccount(worker, workerAccount);
    const assessed = worker
      .getByRole("row")
      .filter({ hasText: /Assessed$/ })
      .first();
    await assessed.getByRole("link").click();
    await worker.getByRole("link", { name: "Record the eligibility decision" }).click();
    await worker.getByText("The council's criteria:").waitFor();
    await expectAccessible(worker);
    await worker.getByLabel("Low").check({ force: true });
    await worker
      .getByLabel("Reasons for the decision")
      .fill("Low risk; community groups can help.");
    await worker.getByRole("button", { name: "Record decision" }).click();
    await worker.getByRole("heading", { name: "Places that can help" }).waitFor();
    await expectAccessible(worker);
    const href = await worker
      .getByRole("link", { name: "Decision letter (PDF)" })
      .getAttribute("href");
    const pdf = await worker.request.get(href ?? "");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    const admin = await newPage();
    await pickDemoAccount(
      admin,
      demo.accounts.find((a) => a.role === "administrator") as DemoAccount,
    );
    await admin.getByRole("heading", { name: "Eligibility criteria" }).waitFor();
    await expectAccessible(admin);
  });
});

describe("preparing to talk to social work without an account", () => {
  it("sends a self-referral that a social worker takes on", async () => {
    const visitor = await newPage();
    await visitor.goto("/sign-in");
    await visitor.getByRole("link", { name: "prepare to talk to social work" }).click();
    await visitor
      .getByRole("heading", { level: 1, name: "Prepare to talk to social work" })
      .waitFor();
    await expectAccessible(visitor);
    await visitor.getByRole("button", { name: "Send to social work" }).click();
    await visitor.getByRole("link", { name: "Tell us what matters to you" }).waitFor();
    await visitor.getByLabel("Given name").fill("Rhona");
    await visitor.getByLabel("Family name").fill("Selfsent");
    await visitor.getByLabel("Date of birth").fill("1958-02-14");
    await visitor.getByLabel("Where do you live?").selectOption({ index: 2 });
    await visitor.getByLabel("How can we contact you?").fill("07700 900456");
    await visitor
      .getByLabel("What matters to you?")
      .fill("Keeping my dog and walking her every day");
    await visitor.getByLabel(/^Some:/).check({ force: true });
    await visitor.getByRole("button", { name: "Send to social work" }).click();
    await visitor.getByRole("heading", { name: "Thank you. We have your form." }).waitFor();
    await expectAccessible(visitor);

    const worker = await newPage();
    await pickDemoAccount(
      worker,
      demo.accounts.find((a) => a.role === "social-worker") as DemoAccount,
    );
    const waiting = worker.getByRole("article").filter({ hasText: "Rhona Selfsent" });
    await waiting.getByText("Keeping my dog and walking her every day").waitFor();
    await expectAccessible(worker);
    await waiting.getByLabel("Soon").check({ force: true });
    await waiting.getByRole("button", { name: "Take this on" }).click();
    await worker.getByRole("heading", { level: 1, name: "Rhona Selfsent" }).waitFor();
    await worker.getByText(/What matters: Keeping my dog/).waitFor();

    // Her daughter cares for her: a carer's own assessment, linked to Rhona.
    await worker.getByRole("link", { name: "Record a carer's own assessment" }).click();
    await worker.getByLabel("Carer's name").fill("Fern Selfsent");
    await worker.getByLabel("Carer's date of birth").fill("2010-06-01");
    await worker.getByLabel("Relationship to the person").fill("Daughter");
    await worker.getByLabel("What the carer does").fill("Walks the dog before school");
    await worker
      .getByLabel("What matters to the carer, in their words")
      .fill("Time for my homework");
    await expectAccessible(worker);
    await worker.getByRole("button", { name: "Save the carer's assessment" }).click();
    await worker.getByText(/Fern Selfsent \(Daughter\): young carer statement/).waitFor();
  });
});

describe("the Resource Allocation System", () => {
  it("is public in plain words, gives an indicative budget with reasons, and needs approval beyond authority", async () => {
    const workerAccount = demo.accounts.find((a) => a.role === "social-worker") as DemoAccount;
    const visitor = await newPage();
    await visitor.goto("/how-budgets-are-worked-out");
    await visitor.getByRole("heading", { level: 1, name: "How we work out your budget" }).waitFor();
    await visitor.getByRole("table", { name: "Money for each point, a year" }).waitFor();
    await expectAccessible(visitor);

    const worker = await newPage();
    await pickDemoAccount(
      worker,
      demo.accounts.find((a) => a.role === "social-worker") as DemoAccount,
    );
    await worker
      .getByRole("row")
      .filter({ hasText: /Eligible$/ })
      .first()
      .getByRole("link")
      .click();
    await worker.getByRole("link", { name: "Set the budget" }).click();
    await worker.getByLabel("Care group").selectOption("older people");
    await worker.getByLabel("Help every day (25 points)").check({ force: true });
    await worker.getByLabel("Help once a week (6 points)").check({ force: true });
    await worker.getByLabel("Some help (8 points)").check({ force: true });
    await worker.getByLabel("Some risk without support (10 points)").check({ force: true });
    await worker.getByLabel("Help from an unpaid carer (-10%)").check({ force: true });
    await expectAccessible(worker);
    await worker.getByRole("button", { name: "Work out the indicative budget" }).click();
    await worker.getByText("Why this amount, step by step").waitFor();
    await worker.getByText("49 points at £340.00 a point", { exact: false }).waitFor();
    await worker.getByText("£14,994.00 a year").first().waitFor();
    await expectAccessible(worker);

    // An adjustment beyond the worker's authority waits for the team manager.
    const personPath = new URL(worker.url()).pathname;
    await worker.getByRole("link", { name: "Change the budget" }).click();
    await worker.getByLabel("Annual budget (£)").fill("18000");
    await worker.getByLabel("Reason for this amount").fill("Two carers for transfers");
    await worker.getByLabel("Social care (£ a year)").fill("15000");
    await worker.getByLabel("Health (£ a year)").fill("3000");
    await worker.getByRole("button", { name: "Set budget" }).click();
    await worker.getByText(/Waiting for a team manager's approval: £18,000.00/).waitFor();
    const team = workerAccount.description.replace(/^Works in /, "");
    const manager = await newPage();
    await pickDemoAccount(
      manager,
      demo.accounts.find((a) => a.description === `Manages ${team}`) as DemoAccount,
    );
    await manager
      .getByRole("region", { name: "Budgets waiting for your approval" })
      .getByRole("link")
      .first()
      .waitFor();
    await manager.goto(personPath);
    await expectAccessible(manager);
    await manager.getByRole("button", { name: "Approve the amount" }).click();
    await manager
      .getByText(/£18,000.00 a year/)
      .first()
      .waitFor();
    await worker.reload();
    await worker.getByText("Two carers for transfers", { exact: false }).first().waitFor();
    expect(await worker.getByText(/Waiting for a team manager's approval/).count()).toBe(0);
    const streams = worker.getByRole("table", { name: "Where the money comes from" });
    await streams.getByRole("row", { name: /Health £3,000.00/ }).waitFor();
  });
});

describe("a new version of the Resource Allocation System", () => {
  it("is drafted, its impact seen, and published by an administrator", async () => {
    const admin = await newPage();
    await pickDemoAccount(
      admin,
      demo.accounts.find((a) => a.role === "administrator") as DemoAccount,
    );
    await admin.getByLabel("Name of the version").fill("Fife RAS 2027/28");
    await admin.getByLabel("In force from").fill("2027-04-01");
    const firstRate = admin.getByLabel("older people (£)").first();
    await firstRate.fill("three hundred");
    await admin.getByRole("button", { name: "Save the draft" }).click();
    await admin
      .getByRole("link", { name: "Enter each rate as an amount of money, like 340.00" })
      .waitFor();
    await firstRate.fill("310.00");
    await admin.getByRole("button", { name: "Save the draft" }).click();
    await admin.getByRole("cell", { name: "Fife RAS 2027/28" }).waitFor();
    await admin.getByRole("button", { name: "Impact of version 2" }).click();
    await admin
      .getByRole("heading", { name: "If version 2 applied to every current budget" })
      .waitFor();
    await admin.getByRole("link", { name: "Download the impact as CSV" }).waitFor();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Publish version 2" }).click();
    await admin
      .getByRole("row")
      .filter({ hasText: "Fife RAS 2027/28" })
      .getByText("Published")
      .waitFor();
  });
});

describe("the commissioner's view of the market", () => {
  it("shows every provider's financial health in words", async () => {
    const commissioner = await newPage();
    await pickDemoAccount(
      commissioner,
      demo.accounts.find((a) => a.role === "commissioner") as DemoAccount,
    );
    await commissioner.getByRole("heading", { name: "Provider financial health" }).waitFor();
    await commissioner.getByText("No check recorded yet").first().waitFor();
    await expectAccessible(commissioner);
  });
});

/** Signs a demo account in over HTTP and reads the people it may see. */

describe("a support plan, the person's choice of Option 2, the provider taking it on, and the contract", () => {
  it("is written by the worker, chosen by the person, accepted by the provider, and signed by all three", async () => {
    const { person, personAccount, workerAccount } = await demo.personAt("budget-set");
    const providerAccount = demo.accounts.find((a) => a.role === "provider-staff") as DemoAccount;
    const providerName = providerAccount.description.replace(/^Staff at /, "");
    const planPath = `/people/${person.id}/plan`;

    const worker = await newPage();
    await pickDemoAccount(worker, workerAccount);
    await worker.goto(planPath);
    await worker.getByRole("heading", { name: "Add a support" }).waitFor();
    await worker.getByLabel("Which outcome does it meet?").selectOption({ index: 1 });
    await worker.getByLabel("Kind of support").selectOption("provider-service");
    await worker.getByLabel("What the support is").fill("Help to get to the allotment");
    await worker.getByLabel("Provider (if any)").selectOption({ label: providerName });
    await worker.getByLabel("Hours a week").fill("six");
    await worker.getByLabel("Hourly rate (£)").fill("25.10");
    await worker.getByLabel("What changed and why").fill("First plan, written together");
    await worker.getByRole("button", { name: "Add to the plan" }).click();
    await worker.getByText("Give the hours a week, like 7.5").first().waitFor();
    await expectAccessible(worker);
    await worker.getByLabel("Hours a week").fill("6");
    await worker.getByRole("button", { name: "Add to the plan" }).click();
    await worker.getByRole("heading", { name: "Help to get to the allotment" }).waitFor();
    await expectAccessible(worker);

    const own = await newPage();
    await pickDemoAccount(own, personAccount);
    await own.getByRole("link", { name: /Your support plan/ }).click();
    await own.getByRole("heading", { level: 1, name: "Your support plan" }).waitFor();
    await expectAccessible(own);
    await own.getByRole("link", { name: "Choose how each support is arranged" }).click();
    await own
      .getByRole("heading", { level: 1, name: "Choose how your support is arranged" })
      .waitFor();
    await own
      .getByRole("group", { name: /Help to get to the allotment/ })
      .getByLabel("Option 2: you choose, a provider holds the money")
      .check({ force: true });
    for (const option of [
      "Option 1: a direct payment",
      "Option 2: you choose, a provider holds the money",
      "Option 3: the council arranges it",
    ]) {
      await own
        .getByRole("group", { name: "Which options were explained to you?" })
        .getByLabel(option)
        .check({ force: true });
    }
    await own
      .getByRole("group", { name: "Who took part in this choice?" })
      .getByLabel("The social worker")
      .check({ force: true });
    await own
      .getByLabel("Why this choice? In your own words")
      .fill("I want them to arrange it my way.");
    await expectAccessible(own);
    await own.getByRole("button", { name: "Save my choice" }).click();
    await own
      .getByRole("heading", { name: "The four principles, against what was recorded" })
      .waitFor();
    expect(await own.getByText("not shown").count()).toBe(0);
    const shortlist = own.getByRole("group", { name: "Choose up to five to compare" });
    await shortlist.getByRole("checkbox").nth(0).check({ force: true });
    await shortlist.getByRole("checkbox").nth(1).check({ force: true });
    await own.getByRole("table", { name: "The shortlist side by side" }).waitFor();
    await own.getByRole("rowheader", { name: "Financial health" }).waitFor();
    await expectAccessible(own);

    await worker.reload();
    await worker.getByRole("button", { name: "Send the request" }).click();
    await worker.getByText(`${providerName}: waiting for their answer`).waitFor();

    const provider = await newPage();
    await pickDemoAccount(provider, providerAccount);
    const request = provider
      .locator("article", { hasText: `${person.givenName} ${person.familyName}` })
      .first();
    await request.getByLabel("Start date").fill("2026-12-07");
    await request.getByLabel("Hours per week").fill("6");
    await request.getByRole("button", { name: "Accept" }).click();
    await provider.getByText(`${person.givenName} ${person.familyName}: from`).first().waitFor();

    await own.reload();
    await own.getByText(`${providerName}: they have taken it on`).waitFor();
    await expectAccessible(own);

    // The plan is approved; the three-way contract is made and signed by all three parties.
    await worker.reload();
    await worker.getByRole("button", { name: "Approve this version" }).click();
    await worker.getByText(/Approved on/).waitFor();
    await worker.getByRole("link", { name: "The agreements: read and sign" }).click();
    await worker
      .getByRole("button", { name: "Make or update the agreements from the approved plan" })
      .click();
    await worker.getByRole("heading", { name: /Individual Service Fund agreement for/ }).waitFor();
    await expectAccessible(worker);
    // A paper copy of another document is refused, and the worker is told what to print.
    const paper = worker.getByRole("region", {
      name: "Record a signature made on paper for the person",
    });
    await paper.getByLabel("The fingerprint printed on the paper copy").fill("00000000");
    await paper.getByLabel("Who signed it").fill(`${person.givenName} ${person.familyName}`);
    await paper.getByLabel("The date written beside the signature").fill("2026-12-01");
    await paper.getByRole("button", { name: "Record the signature on paper" }).click();
    await paper.getByText(/This paper copy is not the current version: print version 1/).waitFor();
    await worker.getByRole("button", { name: /sign for the council/ }).click();
    await worker.getByText("Waiting for the person and the provider to sign.").waitFor();

    await own.goto(`/people/${person.id}/contracts`);
    await own.getByRole("heading", { level: 1, name: "Your agreements" }).waitFor();
    await own.getByLabel("Show the easy-read version").check({ force: true });
    await own.getByText("You decide what support you get and when.").waitFor();
    await expectAccessible(own);
    await own.getByRole("button", { name: /sign for the person/ }).click();
    await own.getByText("Waiting for the provider to sign.").waitFor();

    await provider.goto("/");
    await provider.getByRole("link", { name: "Agreements" }).first().waitFor();
    await provider.goto(`/people/${person.id}/contracts`);
    await provider.getByRole("button", { name: /sign for the provider/ }).click();
    await provider.getByText("In force: everyone has signed.").waitFor();
    await expectAccessible(provider);
    await provider.getByLabel("The rate you propose (£ an hour)").fill("27.00");
    for (const [part, amount] of [
      ["Support worker pay", "13.45"],
      ["Employer's costs", "3.00"],
      ["Travel, training and supervision", "6.55"],
      ["Management and surplus", "3.00"],
    ] as const) {
      await provider.getByLabel(new RegExp(`^${part}`)).fill(amount);
    }
    await provider.getByLabel("Why the rate should change").fill("Pay rose with the Living Wage.");
    await provider.getByRole("button", { name: "Send the request" }).click();
    await provider.getByText("The parts must add up to the rate proposed").first().waitFor();
    await provider.getByLabel(/^Management and surplus/).fill("4.00");
    await provider.getByRole("button", { name: "Send the request" }).click();
    await provider.getByText(/£27\.00 an hour asked \(open\)/).waitFor();
    const commissioner = await newPage();
    await pickDemoAccount(
      commissioner,
      demo.accounts.find((a) => a.role === "commissioner") as DemoAccount,
    );
    await commissioner.getByRole("heading", { name: `${providerName}: £27.00 an hour` }).waitFor();
    await expectAccessible(commissioner);
    await commissioner.getByRole("button", { name: "Agree the rate" }).click();
    await commissioner.getByText("No requests are open.").waitFor();

    await own.reload();
    await own.getByText("In force: everyone has signed.").waitFor();

    // Money: the provider's return, the month paid in, a payment run approved by a second
    // finance officer, and the person reading their statement.
    await provider.getByLabel("Support delivered").fill("Allotment support");
    await provider.getByLabel("Hours planned").fill("26");
    await provider.getByLabel("Hours delivered").fill("many");
    await provider.getByRole("button", { name: "Send the return" }).click();
    await provider.getByText("Give the hours a week, like 7.5").first().waitFor();
    await provider.getByLabel("Hours delivered").fill("24.5");
    await provider.getByRole("button", { name: "Send the return" }).click();
    await provider.getByText(/The return for .* is in\./).waitFor();
    await expectAccessible(provider);

    const [drafter, approver] = demo.accounts.filter((a) => a.role === "finance-officer") as [
      DemoAccount,
      DemoAccount,
    ];
    const finance = await newPage();
    await pickDemoAccount(finance, drafter);
    await finance.getByRole("button", { name: "Pay the month's budgets into funds" }).click();
    await finance.getByText(/funds paid for/).waitFor();
    await finance.getByRole("button", { name: "Draft a payment run" }).click();
    await finance.getByRole("heading", { name: /Payment run for .*: draft/ }).waitFor();
    await expectAccessible(finance);
    const reference = (await finance.locator("code").first().textContent()) ?? "";
    await finance.getByRole("button", { name: /Approve the run/ }).click();
    await finance
      .getByText(/a second finance officer must approve it/)
      .first()
      .waitFor();
    const second = await newPage();
    await pickDemoAccount(second, approver);
    await second.getByLabel("Open a run by its reference").fill(reference);
    await second.getByRole("button", { name: "Open the run" }).click();
    await second.getByRole("button", { name: /Approve the run/ }).click();
    await second.getByRole("heading", { name: /Payment run for .*: approved/ }).waitFor();
    await second.getByRole("button", { name: "Record the run as paid" }).click();
    await second.getByRole("heading", { name: /Payment run for .*: paid/ }).waitFor();
    await second.getByRole("table", { name: "Spend against budget by provider" }).waitFor();
    await expectAccessible(second);

    await own.goto(`/people/${person.id}/money`);
    await own.getByRole("heading", { level: 1, name: "Your money" }).waitFor();
    await own.getByRole("rowheader", { name: "In: From the council" }).waitFor();
    await own.getByRole("rowheader", { name: "Out: Allotment support" }).waitFor();
    await own
      .getByText(/% spent:/)
      .first()
      .waitFor();
    await expectAccessible(own);
    await own.getByLabel("Show the easy-read version").check({ force: true });
    await own
      .getByText(/is left\./)
      .first()
      .waitFor();
    await expectAccessible(own);
  });
});

describe("the council's contract templates", () => {
  it("are edited by an administrator, who cannot publish wording that shifts risk", async () => {
    const admin = await newPage();
    await pickDemoAccount(
      admin,
      demo.accounts.find((a) => a.role === "administrator") as DemoAccount,
    );
    await admin.getByRole("link", { name: /Contract templates/ }).click();
    await admin.getByRole("heading", { level: 1, name: "Contract templates" }).waitFor();
    await expectAccessible(admin);
    const text = admin.locator("#clause-0-text");
    await text.fill(`${await text.inputValue()} The provider shall indemnify the council.`);
    await admin.getByRole("button", { name: "Publish this template" }).click();
    await admin
      .getByText(/must not shift social work risk/)
      .first()
      .waitFor();
    await expectAccessible(admin);
    await text.fill(
      (await text.inputValue()).replace(" The provider shall indemnify the council.", ""),
    );
    await admin.getByRole("button", { name: "Publish this template" }).click();
    await admin.getByText("Published as a new version.").waitFor();
  });
});

describe("a provider keeps its directory entry up to date", () => {
  it("changes a service's hours free as a new version, seen in the public search", async () => {
    const account = demo.accounts.find((a) => a.role === "provider-staff") as DemoAccount;
    const page = await newPage();
    await pickDemoAccount(page, account);
    await page.getByRole("link", { name: /Your entry in the directory/ }).click();
    await page.getByRole("heading", { name: "Your services" }).waitFor();
    await expectAccessible(page);
    await page.locator("details summary").first().click();
    const service = page.locator("details").first();
    await service.getByLabel("Hours free now (a week)").fill("500000");
    await service.getByRole("button", { name: "Save changes" }).click();
    await service.getByText("Available hours must be under 10,000 hours a week").first().waitFor();
    await expectAccessible(page);
    await service.getByLabel("Hours free now (a week)").fill("7");
    await service.getByLabel("Taking on new people").check({ force: true });
    await service.getByRole("button", { name: "Save changes" }).click();
    await service.getByText(/Saved as a new version/).waitFor();
    await page.getByRole("cell", { name: "hours free" }).first().waitFor();
    await expectAccessible(page);

    const visitor = await newPage();
    const name = account.description.replace(/^Staff at /, "");
    await visitor.goto(`/find-support?q=${encodeURIComponent(name)}&page=1`);
    const card = visitor.locator("li", { hasText: name }).first();
    await card.getByText("Yes, about 7 hours a week free").waitFor();
  });
});

describe("finding support without an account", () => {
  it("works with JavaScript turned off, and is accessible", async () => {
    const context = await demo.browser.newContext({ baseURL: demo.url, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/find-support");
    await page.getByRole("heading", { level: 1, name: "Find support near you" }).waitFor();
    await page.getByLabel("Kind of provider").selectOption("voluntary");
    await page.getByLabel("Lowest Care Inspectorate grade").selectOption("5");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /services? found/ }).waitFor();
    expect(await page.getByText("Charity or voluntary group").count()).toBeGreaterThan(0);
    const results = page.url();
    await page.getByLabel("Postcode").fill("nowhere");
    await page.getByRole("button", { name: "Search" }).click();
    await page
      .getByRole("link", { name: "Enter a postcode or its first half, like KY1" })
      .waitFor();
    const refused = page.url();
    await context.close();
    // axe runs as a script, so the same pages are checked in a browser with JavaScript on.
    const checker = await newPage();
    for (const url of [results, refused]) {
      await checker.goto(url);
      await expectAccessible(checker);
    }
  });
});
