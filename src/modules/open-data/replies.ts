import { z } from "zod";

// What the Open Referral (HSDS 3.0) API replies. The records themselves are loose here: their
// shape is HSDS's, checked against the official HSDS 3.0 and UK profile JSON schemas (in
// ./fixtures) by hsds.db.test.ts; these schemas keep every key the mapping in hsds.ts writes.

export const About = z.object({
  version: z.string(),
  profile: z.string(),
  openapi_url: z.string(),
});
export type About = z.infer<typeof About>;

/** A service, organization, service at a location, taxonomy or term, as HSDS 3.0 has it. */
export const HsdsRecord = z.looseObject({ id: z.string() });
export type HsdsRecord = z.infer<typeof HsdsRecord>;

/** The HSDS page envelope around one page of records. */
export const HsdsPage = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(HsdsRecord),
});
export type HsdsPage = z.infer<typeof HsdsPage>;
