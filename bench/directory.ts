// Helpers for the directory benchmark: a datastore file of any size built from the real one,
// a directory of every registered service in Scotland, and a server process's peak memory.

import { once } from "node:events";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { createGunzip, gunzipSync } from "node:zlib";
import { localities } from "../src/modules/organisation/schema";
import { type RegisteredService, readDatastore } from "../src/modules/providers/care-inspectorate";
import type { ProviderKind } from "../src/modules/providers/kinds";
import { providerServices, providers } from "../src/modules/providers/schema";
import type { SupportTypeCode } from "../src/modules/providers/support-types";
import { decodeText } from "../src/platform/csv/decode";
import { csvRecordsOf } from "../src/platform/csv/read";
import { csvText } from "../src/platform/csv/write";
import type { Database } from "../src/platform/db/client";

/** The real datastore of 31 May 2026, gzipped in the repository (bench/data/SOURCE.txt). */
export const DATASTORE_GZ = new URL("./data/MDSF_2026-05-31.csv.gz", import.meta.url);

/** The datastore's bytes, streamed out of the gzipped copy. */
const datastoreBytes = () => createReadStream(DATASTORE_GZ).pipe(createGunzip());

/**
 * Writes a datastore file of `rows` rows: the real file's rows, then copies of them with new
 * service numbers (CS9...) until there are enough. Returns the file's size in bytes.
 */
export async function writeDatastoreFile(path: string, rows: number) {
  const [header, ...lines] = csvRecordsOf(
    gunzipSync(readFileSync(DATASTORE_GZ)).toString("utf8"),
  ).map((r) => r.fields);
  const out = createWriteStream(path);
  out.write(csvText([header as string[]]));
  for (let i = 0; i < rows; i++) {
    const fields = [...(lines[i % lines.length] as string[])];
    if (i >= lines.length) fields[0] = `CS9${String(i).padStart(9, "0")}`;
    if (!out.write(csvText([fields]))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const KIND: Record<string, ProviderKind> = {
  "Local Authority": "in-house",
  Private: "private",
  "Voluntary or Not for Profit": "voluntary",
};

function typesOf(s: RegisteredService): SupportTypeCode[] {
  if (s.careService === "Housing Support Service") return ["housing-support"];
  if (s.careService === "Support Service" && /care at home/i.test(s.subtype))
    return ["personal-care", "community-connection"];
  if (s.careService === "Support Service") return ["day-opportunities", "community-connection"];
  if (s.careService === "Care Home Service") return ["short-breaks", "personal-care"];
  return ["other"];
}

/** Every registered service in the real datastore as a provider with one service. */
export async function loadScotlandDirectory(database: Database) {
  const areas = await database.db.select().from(localities);
  const services: RegisteredService[] = [];
  for await (const row of readDatastore(decodeText(datastoreBytes(), 2 ** 30))) {
    if (row.service) services.push(row.service);
  }
  const batch = 500;
  for (let start = 0; start < services.length; start += batch) {
    const slice = services.slice(start, start + batch);
    const rows = await database.db
      .insert(providers)
      .values(
        slice.map((s) => ({
          name: s.serviceName,
          kind: KIND[s.sector] ?? "private",
          careInspectorateNumber: s.csNumber,
          serviceType: [s.careService, s.subtype].filter(Boolean).join(": "),
          town: s.town || null,
          postcode: s.postcode || null,
          minGrade: s.minGrade,
          summary: `Provided by ${s.providerName}`,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: providers.id, csNumber: providers.careInspectorateNumber });
    await database.db.insert(providerServices).values(
      rows.map((p, i) => {
        const s = slice.find((x) => x.csNumber === p.csNumber) as RegisteredService;
        const capacity = 40 + ((start + i) % 300);
        const available = (start + i) % 3 === 0 ? 0 : capacity % 50;
        return {
          providerId: p.id,
          name: s.careService,
          description: `${s.careService} in ${s.town}`,
          supportTypes: typesOf(s),
          localityIds: [areas[(start + i) % areas.length]?.id as string],
          capacityHoursPerWeek: capacity,
          availableHoursPerWeek: available,
          acceptingNewPeople: available > 0,
          hourlyRatePence: 2300 + (((start + i) * 37) % 700),
          languages: (start + i) % 5 === 0 ? ["en", "pl"] : ["en"],
          accessibleInformation: `${s.careService}. Contact us to ask about cost and places.`,
        };
      }),
    );
  }
  return services.length;
}

/** A process's resident memory now (VmRSS), in MiB; Linux only. */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Samples a process's resident memory every 20 ms until stopped; gives the highest seen. */
export function sampleResident(pid: number) {
  let highest = residentMiB(pid);
  const timer = setInterval(() => {
    highest = Math.max(highest, residentMiB(pid));
  }, 20);
  return () => {
    clearInterval(timer);
    return Math.max(highest, residentMiB(pid));
  };
}
