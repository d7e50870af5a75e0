import type { FieldError } from "./problem";

/** A NUL, or half of a surrogate pair: text PostgreSQL cannot store, whatever the field. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes("\u0000") || LONE_SURROGATE.test(text);

/**
 * Every string in a request's params, query and JSON body that could not be stored, by its
 * path: found before validation, so such input gets a 400 on every route, never a 500.
 */
export function unstorableText(parts: Record<string, unknown>): FieldError[] {
  const found: FieldError[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") {
      if (unstorable(value))
        found.push({
          path,
          message: "holds a character that cannot be kept (NUL or a broken one)",
        });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, path ? `${path}.${i}` : String(i));
    } else if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  for (const [part, value] of Object.entries(parts)) walk(value, part === "body" ? "" : part);
  return found.map((f) => ({ ...f, path: f.path || "body" }));
}
