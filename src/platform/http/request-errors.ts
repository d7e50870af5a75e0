import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { Problem } from "./problem";

/**
 * Fastify's own refusals (before any route runs: a broken address, a body too large, not JSON,
 * a content type no route takes) in plain words, as problems. Their messages are fixed here,
 * never the parser's, which can quote the request back.
 */
const FASTIFY_PROBLEMS: Record<string, (contentType: string) => Problem> = {
  FST_ERR_BAD_URL: () =>
    new Problem(400, "Invalid address", "The address has a broken %-encoding: check the link."),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    new Problem(
      414,
      "Address too long",
      "A part of the address between slashes is longer than 100 characters: no record has an id that long.",
    ),
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new Problem(413, "Request too large", "The request's body is larger than Cairn accepts."),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (contentType) =>
    new Problem(
      415,
      "Unsupported content type",
      `Cairn does not accept a body of type ${contentType || "(none given)"} here: send application/json.`,
    ),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new Problem(400, "Empty body", "The request says it sends JSON but its body is empty."),
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new Problem(400, "Invalid JSON", "The request's body is not valid JSON."),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new Problem(
      400,
      "Wrong content length",
      "The request's content-length does not match its body.",
    ),
};

/** The problem for one of Fastify's own 4xx errors, or null when it is not one. */
export function fastifyProblem(error: unknown, contentType = ""): Problem | null {
  const e = error as { code?: unknown; statusCode?: unknown; name?: unknown } | null;
  const known = typeof e?.code === "string" ? FASTIFY_PROBLEMS[e.code] : undefined;
  if (known) return known(plainType(contentType));
  // JSON.parse's own error, passed on by Fastify's JSON parser as a 400 (and a poisoned __proto__).
  if (e?.statusCode === 400 && e.name === "SyntaxError") {
    return new Problem(400, "Invalid JSON", "The request's body is not valid JSON.");
  }
  return null;
}

/** The media type alone, printable, and short: it is echoed into the problem. */
const plainType = (contentType: string) =>
  (contentType.split(";")[0] ?? "")
    .trim()
    .replace(/[^\w.+/-]/g, "")
    .slice(0, 80);

/**
 * A unique constraint's meaning in plain words, by the constraint's name: `path` the field it is
 * about, `message` what to say, given the value that is taken where the database names it.
 */
export type UniqueConflicts = Record<
  string,
  { path: string; message: (taken: string | null) => string }
>;

interface DatabaseError {
  code?: unknown;
  constraint?: unknown;
  detail?: unknown;
}

/**
 * A unique violation (SQLSTATE 23505) on a constraint named in `conflicts`, as a 409 naming what
 * is taken; null for any other error. A rule across requests lives in a unique index: whichever
 * request comes second, by any path, gets this rather than a 500. Nothing was written: the
 * statement failed, and its transaction is rolled back.
 */
export function uniqueConflict(error: unknown, conflicts: UniqueConflicts): Problem | null {
  const db = databaseError(error);
  if (db?.code !== "23505" || typeof db.constraint !== "string") return null;
  const conflict = conflicts[db.constraint];
  if (!conflict) return null;
  const message = conflict.message(takenValue(db.detail));
  return new Problem(409, "Already taken", message, [{ path: conflict.path, message }]);
}

/** The database's error, given directly or as the cause Drizzle wraps it in. */
function databaseError(error: unknown): DatabaseError | null {
  let e = error as (DatabaseError & { cause?: unknown }) | null;
  for (let depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as typeof e;
  }
  return null;
}

/** "Key (email)=(ann@example.org) already exists." gives ann@example.org. */
function takenValue(detail: unknown): string | null {
  if (typeof detail !== "string") return null;
  const match = /^Key \([^)]*\)=\((.*)\) already exists\.?$/.exec(detail);
  return match?.[1] ?? null;
}

/** Declares what a module's unique constraints mean (called once each, from src/routes.ts). */
export function declareUniqueConflicts(
  app: { uniqueConflicts: UniqueConflicts },
  table: UniqueConflicts,
) {
  Object.assign(app.uniqueConflicts, table);
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (headers too large, not HTTP, too
 * slow): as problem+json with the security headers, like every other refusal.
 */
export function clientErrorHandler(headers: Record<string, string>) {
  return (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    const problem =
      error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? new Problem(408, "Request timeout", "The request took too long to arrive.")
        : error.code === "HPE_HEADER_OVERFLOW"
          ? new Problem(
              431,
              "Headers too large",
              "The request's headers (cookies among them) are larger than Cairn accepts.",
            )
          : new Problem(400, "Bad request", "That is not a request Cairn can read.");
    const body = JSON.stringify(problem.toJSON());
    const lines = Object.entries({
      ...headers,
      "content-type": "application/problem+json; charset=utf-8",
      "content-length": String(Buffer.byteLength(body)),
      connection: "close",
    }).map(([name, value]) => `${name}: ${value}`);
    if (socket.writable) {
      const status = `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`;
      socket.write(`${[status, ...lines].join("\r\n")}\r\n\r\n${body}`);
    }
    socket.destroy(error);
  };
}
