// Makes src/demo/data/fife-providers.json from the Care Inspectorate datastore, so the
// demo council's registered providers are real ones. Run:
//   npx tsx src/demo/extract-providers.ts ../shared/data/care-inspectorate-datastore/MDSF_2026-05-31.csv
import { readFileSync, writeFileSync } from "node:fs";
import { csvObjects } from "../platform/csv/read";

const KIND: Record<string, string> = {
  "Local Authority": "in-house",
  Private: "private",
  "Voluntary or Not for Profit": "voluntary",
};
const source = process.argv[2];
if (!source) throw new Error("Give the path of the datastore CSV");
const rows = csvObjects(readFileSync(source, "utf8"))
  .map((r) => r.row)
  .filter(
    (r) =>
      r.Council_Area_Name === "Fife" &&
      r.Client_group === "Adults" &&
      r.ServiceStatus === "Active" &&
      ["Support Service", "Housing Support Service"].includes(r.CareService ?? "") &&
      KIND[r.ServiceType ?? ""],
  )
  .sort((a, b) => (a.CSNumber ?? "").localeCompare(b.CSNumber ?? ""));

// A spread of kinds: every in-house and voluntary service, and the private ones, up to 24.
const picked = rows.filter((r) => r.ServiceType !== "Private").slice(0, 14);
picked.push(...rows.filter((r) => r.ServiceType === "Private").slice(0, 24 - picked.length));
const providers = picked.map((r) => ({
  careInspectorateNumber: r.CSNumber,
  name: r.ServiceName,
  kind: KIND[r.ServiceType ?? ""],
  serviceType: [r.CareService, r.Subtype].filter(Boolean).join(": "),
  address1: r.Address_line_1 || null,
  town: r.Service_town || null,
  postcode: r.Service_Postcode || null,
  minGrade: r.MinGrade ? Number.parseInt(r.MinGrade, 10) : null,
  registeredPlaces: r.Registered_Places ? Number.parseInt(r.Registered_Places, 10) : null,
  provider: r.ServiceProvider,
  phone: r.Service_Phone_Number || null,
  email: r.Eforms_email_address || null,
}));
writeFileSync(
  new URL("./data/fife-providers.json", import.meta.url),
  `${JSON.stringify({ source: "Care Inspectorate datastore MDSF 2026-05-31 (OGL v3)", providers }, null, 1)}\n`,
);
console.log(`wrote ${providers.length} providers`);
