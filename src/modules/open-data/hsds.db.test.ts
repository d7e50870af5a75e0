import { readdirSync, readFileSync } from "node:fs";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { startTestCairn, TestUser } from "../../testing/api";

// Every response is checked against the official schemas, kept in ./fixtures with their source.

const fixtures = new URL("./fixtures/", import.meta.url);
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const load = (dir: string, base: string) => {
  for (const file of readdirSync(new URL(dir, fixtures)).filter((f) => f.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(new URL(`${dir}${file}`, fixtures), "utf8"));
    ajv.addSchema({ ...schema, $id: `${base}${file}` });
  }
};
load("hsds-3.0/", "https://hsds.test/");
load("oruk-uk-profile-3.0/", "https://oruk.test/");

const schema = (id: string): ValidateFunction => {
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`no schema ${id}`);
  return validate;
};
/** Validates against HSDS 3.0 and the UK profile, and names every problem found. */
function expectValid(value: unknown, hsds: string, uk: string) {
  for (const id of [`https://hsds.test/${hsds}`, `https://oruk.test/${uk}`]) {
    const validate = schema(id);
    const ok = validate(value);
    expect(ok ? [] : validate.errors, `${id}`).toEqual([]);
  }
}

let cairn: Cairn;
let visitor: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  visitor = new TestUser(cairn); // open data: no sign-in
});
afterAll(() => cairn.close());

const BASE = "/api/open-referral";
const get = async (path: string) => {
  const reply = await visitor.get(`${BASE}${path}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.headers["access-control-allow-origin"]).toBe("*");
  return reply.body;
};

function expectPage(body: Record<string, unknown>, pageNumber: number) {
  expect(body).toMatchObject({ page_number: pageNumber, first_page: pageNumber === 1 });
  expect(body.size).toBe((body.contents as unknown[]).length);
  expect(body.total_pages).toBe(Math.max(1, Math.ceil((body.total_items as number) / 50)));
}

describe("the Open Referral (HSDS 3.0, UK profile) API", () => {
  it("checks against schemas that do refuse what HSDS forbids", () => {
    const bad = { id: "not-a-uuid", name: "A service", status: "open" };
    expect(schema("https://hsds.test/service.json")(bad)).toBe(false);
    expect(schema("https://oruk.test/service.json")(bad)).toBe(false);
  });

  it("says which version and profile it follows", async () => {
    expect(await get("/")).toMatchObject({ version: "3.0" });
  });

  it("lists services, each valid, and serves each fully nested and valid", async () => {
    const body = await get("/services");
    expectPage(body, 1);
    expect(body.total_items).toBeGreaterThan(25);
    for (const service of body.contents) expectValid(service, "service.json", "service_list.json");
    const full = await get(`/services/${body.contents[0].id}`);
    expectValid(full, "service.json", "service.json");
    expect(full.cost_options[0].currency).toBe("GBP");
    expect(full.attributes.length).toBeGreaterThan(0);
    expect(full.service_areas.length).toBeGreaterThan(0);
  });

  it("lists organizations and serves each with its services, all valid", async () => {
    const body = await get("/organizations");
    expectPage(body, 1);
    for (const org of body.contents)
      expectValid(org, "organization.json", "organization_list.json");
    const registered = body.contents.find((o: { name: string }) => !o.name.includes("(demo)"));
    const full = await get(`/organizations/${registered.id}`);
    expectValid(full, "organization.json", "organization.json");
    expect(full.organization_identifiers[0].identifier).toMatch(/^CS\d{10}$/);
    expect(full.services.length).toBeGreaterThan(0);
  });

  it("lists services at locations, with addresses, all valid", async () => {
    const body = await get("/service_at_locations?per_page=10");
    for (const sal of body.contents)
      expectValid(sal, "service_at_location.json", "service_at_location_list.json");
    const one = await get(`/service_at_locations/${body.contents[0].id}`);
    expectValid(one, "service_at_location.json", "service_at_location.json");
    const withAddress = body.contents.find(
      (s: { location: { addresses: unknown[] } }) => s.location.addresses.length,
    );
    expect(withAddress.location.addresses[0]).toMatchObject({ country: "GB" });
  });

  it("publishes its taxonomy of support and every term, all valid", async () => {
    const taxonomies = await get("/taxonomies");
    const taxonomy = await get(`/taxonomies/${taxonomies.contents[0].id}`);
    expectValid(taxonomy, "taxonomy.json", "taxonomy.json");
    const terms = await get("/taxonomy_terms");
    expect(terms.contents.map((t: { code: string }) => t.code)).toContain("short-breaks");
    for (const term of terms.contents)
      expectValid(term, "taxonomy_term.json", "taxonomy_term.json");
    expectValid(
      await get(`/taxonomy_terms/${terms.contents[0].id}`),
      "taxonomy_term.json",
      "taxonomy_term.json",
    );
  });

  it("filters by taxonomy term, organization and postcode, and pages", async () => {
    const terms = (await get("/taxonomy_terms")).contents;
    const housing = terms.find((t: { code: string }) => t.code === "housing-support");
    const found = await get(`/services?taxonomy_term_id=${housing.id}`);
    expect(found.total_items).toBeGreaterThan(0);
    for (const s of found.contents) {
      const full = await get(`/services/${s.id}`);
      expect(
        full.attributes.map((a: { taxonomy_term_id: string }) => a.taxonomy_term_id),
      ).toContain(housing.id);
    }
    const org = found.contents[0].organization_id;
    const ofOrg = await get(`/services?organization_id=${org}`);
    expect(
      ofOrg.contents.every((s: { organization_id: string }) => s.organization_id === org),
    ).toBe(true);
    const ky1 = await get("/service_at_locations?postcode=KY1");
    expect(ky1.total_items).toBeGreaterThan(0);
    expect(
      ky1.contents.every((s: { location: { addresses: { postal_code: string }[] } }) =>
        s.location.addresses.every((a) => a.postal_code.startsWith("KY1 ")),
      ),
    ).toBe(true);
    const first = await get("/services?per_page=5&page=1");
    const second = await get("/services?per_page=5&page=2");
    const ids = (p: { contents: { id: string }[] }) => p.contents.map((s) => s.id);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    expect(second).toMatchObject({ page_number: 2, size: 5, first_page: false });
    const otherTaxonomy = await get("/services?taxonomy_id=00000000-0000-4000-8000-000000000000");
    expect(otherTaxonomy).toMatchObject({ total_items: 0, empty: true });
  });

  it.each([
    ["/services?per_page=0", "per_page"],
    ["/services?per_page=501", "per_page"],
    ["/services?taxonomy_term_id=housing", "taxonomy_term_id"],
    ["/services?modified_after=yesterday", "modified_after"],
    ["/services?proximity=1000", "proximity"],
    ["/service_at_locations?postcode=nowhere", "postcode"],
    ["/services/not-an-id", "id"],
  ])("refuses %s with a field error", async (path, field) => {
    const reply = await visitor.get(`${BASE}${path}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it("answers 404 for an id it does not hold", async () => {
    const reply = await visitor.get(`${BASE}/services/00000000-0000-4000-8000-000000000000`);
    expect(reply.status).toBe(404);
  });

  it("publishes nothing about any supported person", async () => {
    const rows = await cairn.database.query<{ name: string }>(
      "select given_name || ' ' || family_name as name from people",
    );
    expect(rows.length).toBeGreaterThan(10);
    const services = await get("/services?per_page=500");
    const everything = JSON.stringify([
      services,
      await get("/organizations?per_page=500"),
      await get("/service_at_locations?per_page=500"),
      ...(await Promise.all(
        services.contents.map((s: { id: string }) => get(`/services/${s.id}`)),
      )),
    ]);
    for (const { name } of rows) expect(everything).not.toContain(name);
  });
});
