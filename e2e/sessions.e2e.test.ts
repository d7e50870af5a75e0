import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/browser";
import { type DemoAccount, demoCairn } from "./support/demo-cairn";

// Your own sessions on your account page, and an administrator turning an account off and on.

const demo = demoCairn();
const account = (role: string, index = 0) =>
  demo.accounts.filter((a) => a.role === role)[index] as DemoAccount;

async function signedIn(who: DemoAccount): Promise<Page> {
  const page = await demo.newPage();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in as ${who.displayName}` }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();
  return page;
}

describe("sessions in the browser", () => {
  it("lists where you are signed in, and signs the others out", async () => {
    const commissioner = account("commissioner");
    const laptop = await signedIn(commissioner);
    const phone = await signedIn(commissioner);
    await laptop.getByRole("link", { name: /your account/ }).click();
    await laptop.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    const table = laptop.getByRole("table", { name: "Your sessions" });
    await table.getByText("This browser").waitFor();
    expect(await table.getByRole("row").count()).toBe(3); // the heading row and two sessions
    await expectAccessible(laptop);

    await laptop.getByRole("button", { name: "Sign out of every other session" }).click();
    await laptop.getByRole("status").getByText("You signed out 1 other session.").waitFor();
    expect(await table.getByRole("row").count()).toBe(2);
    await phone.reload();
    await phone.getByRole("heading", { level: 1, name: "Sign in to Cairn" }).waitFor();
  });

  it("lets an administrator turn an account off, which signs it out, and on again", async () => {
    const finance = account("finance-officer");
    const officer = await signedIn(finance);
    const admin = await signedIn(account("administrator"));
    await admin.getByRole("link", { name: `Turn off ${finance.displayName}'s account` }).click();
    await admin
      .getByRole("heading", { level: 1, name: `Turn off ${finance.displayName}'s account` })
      .waitFor();
    await admin.getByRole("button", { name: "Turn off the account" }).click();
    await admin.getByRole("link", { name: "Say why the account is turned off" }).waitFor();
    await expectAccessible(admin);
    await admin.getByLabel("Why is the account being turned off?").fill("Left the council");
    await admin.getByRole("button", { name: "Turn off the account" }).click();
    await admin.getByRole("heading", { level: 1, name: "Account turned off" }).waitFor();
    await admin.getByText("1 session was ended.", { exact: false }).waitFor();

    await officer.reload();
    await officer.getByRole("heading", { level: 1, name: "Sign in to Cairn" }).waitFor();
    await officer.getByLabel("Email").fill(finance.email);
    await officer.getByLabel("Password").fill("cairn-demo");
    await officer.getByRole("button", { name: "Sign in", exact: true }).click();
    await officer
      .getByText("This account has been turned off by the council.", { exact: false })
      .waitFor();
    await expectAccessible(officer);

    await admin.getByRole("link", { name: "Back to administration" }).click();
    await admin.getByRole("link", { name: `Turn on ${finance.displayName}'s account` }).click();
    await admin.getByText("Left the council").waitFor();
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Turn on the account" }).click();
    await admin.getByRole("heading", { level: 1, name: "Account turned on" }).waitFor();
    await officer.getByRole("button", { name: "Sign in", exact: true }).click();
    await officer.getByRole("button", { name: "Sign out", exact: true }).waitFor();
  });
});
