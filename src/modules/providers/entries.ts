import { z } from "zod";
import { MAX_RATE_PENCE, parsePounds, RATE_MESSAGE } from "../../platform/money/pounds";
import { PROVIDER_KINDS } from "./kinds";
import { normalisePostcode } from "./postcode";
import { LANGUAGE_CODES, SUPPORT_TYPE_CODES } from "./support-types";

// What a directory entry holds, as the council and the provider's own staff write it.

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => v || null)
    .nullable()
    .default(null);

export const ProviderEntry = z.object({
  name: z.string().trim().min(1, "Enter the provider's name").max(200),
  kind: z.enum(PROVIDER_KINDS, "Choose the kind of provider from the list"),
  careInspectorateNumber: z
    .string()
    .trim()
    .regex(/^(CS\d{10})?$/, "A Care Inspectorate number is CS and 10 digits")
    .transform((v) => v || null)
    .nullable()
    .default(null),
  serviceType: z.string().trim().min(1, "Say in a few words what the provider does").max(200),
  address1: optionalText(200),
  town: optionalText(100),
  postcode: z
    .string()
    .trim()
    .refine((v) => v === "" || normalisePostcode(v) !== null, "Enter a full postcode, like KY1 1XX")
    .transform((v) => (v ? normalisePostcode(v) : null))
    .nullable()
    .default(null),
  phone: optionalText(40),
  email: z
    .union([z.literal(""), z.email("Enter an email address like name@example.org")])
    .transform((v) => v || null)
    .nullable()
    .default(null),
  website: z
    .union([
      z.literal(""),
      z.url({ protocol: /^https?$/, error: "Enter a web address starting https://" }),
    ])
    .transform((v) => v || null)
    .nullable()
    .default(null),
  summary: z.string().trim().max(2000).default(""),
});
export type ProviderEntry = z.output<typeof ProviderEntry>;

const hours = (label: string) =>
  z
    .number(`${label} must be a number of hours`)
    .int(`${label} must be whole hours`)
    .min(0, `${label} cannot be negative`)
    .max(10000, `${label} must be under 10,000 hours a week`);

export const ServiceEntry = z
  .object({
    name: z.string().trim().min(1, "Enter the service's name").max(200),
    description: z.string().trim().min(1, "Describe the service").max(4000),
    supportTypes: z
      .array(z.enum(SUPPORT_TYPE_CODES, "Choose types of support from the list"))
      .min(1, "Choose at least one type of support"),
    localityIds: z
      .array(z.uuid("Choose localities from the list"))
      .min(1, "Choose at least one locality"),
    capacityHoursPerWeek: hours("Capacity"),
    availableHoursPerWeek: hours("Available hours"),
    acceptingNewPeople: z.boolean("Say whether the service is taking on new people"),
    hourlyRate: z.string("Enter the hourly rate in pounds, like 24.50").transform((v, ctx) => {
      const parsed = parsePounds(v, MAX_RATE_PENCE);
      if ("error" in parsed) {
        ctx.addIssue({ code: "custom", message: RATE_MESSAGE });
        return z.NEVER;
      }
      return parsed.pence;
    }),
    languages: z.array(z.enum(LANGUAGE_CODES, "Choose languages from the list")).default(["en"]),
    accessibleInformation: z
      .string()
      .trim()
      .min(1, "Say in plain words what the service offers and what it costs")
      .max(4000),
    status: z.enum(["active", "inactive"]).default("active"),
  })
  .refine((s) => s.availableHoursPerWeek <= s.capacityHoursPerWeek, {
    path: ["availableHoursPerWeek"],
    message: "Available hours cannot be more than the capacity",
  });
export type ServiceEntry = z.output<typeof ServiceEntry>;

/** The fields whose values differ (arrays compared as sets, so reordering is no change). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b)
      ? a.length === b.length && a.every((x) => b.includes(x))
      : a === b;
  return Object.keys(after).filter((key) => !same(before[key], after[key]));
}
