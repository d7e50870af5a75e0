import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Relationships } from "../authorisation/relationships";
import type { Database, Db } from "../db/client";
import type { Actor } from "./actor";
import { type FieldError, Problem } from "./problem";
import {
  clientErrorHandler,
  fastifyProblem,
  type UniqueConflicts,
  uniqueConflict,
} from "./request-errors";
import { docsCsp, refusalHeaders, registerSecurityHeaders } from "./security-headers";
import { unstorableText } from "./storable-text";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteDeps {
  db: Db;
  database: Database;
  secureCookies: boolean;
  /** How an actor stands to a person: the one resolver behind every access check and listing. */
  relationships: Relationships;
  /** The session a cookie names, if it is live (identity owns sessions; wired at start-up). */
  sessions: {
    cookie: string;
    find(token: string): Promise<{ actor: Actor; csrfToken: string } | null>;
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** Unique constraints a module owns, by name, in plain words: a violation is a 409. */
    uniqueConflicts: UniqueConflicts;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

/** The signed-in actor, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Problem(401, "Sign in needed", "Sign in to use this.");
  return request.actor;
}

const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export async function buildHttpApp(
  deps: RouteDeps,
  registerRoutes: (app: App, deps: RouteDeps) => void,
  options: { logger?: boolean; trustProxy?: false | number | string } = {},
): Promise<App> {
  // Unique constraints by name, in plain words: the modules that own them declare them.
  const conflicts: UniqueConflicts = {};
  const app = Fastify({
    // Errors and warnings only: request lines would put record ids in the log.
    logger: options.logger ? { level: "warn" } : false,
    // Only the proxies named (CAIRN_TRUST_PROXY) may say who the client is.
    trustProxy: trusted(options.trustProxy ?? false),
    // A broken %-encoding or an over-long part of the address, refused before routing: problems too.
    frameworkErrors: (error, request, reply) =>
      sendProblem(error, request, reply.headers(refusalHeaders(deps.secureCookies)), conflicts),
    clientErrorHandler: clientErrorHandler(refusalHeaders(deps.secureCookies)),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("actor", null);
  // Imports arrive as CSV files: kept as bytes, since their encoding is the importer's to judge.
  app.addContentTypeParser(
    "text/csv",
    { parseAs: "buffer", bodyLimit: 64 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );
  app.decorateRequest("csrfToken", null);
  app.decorate("uniqueConflicts", conflicts);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply, conflicts));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !existsSync(webDist)) {
      return reply
        .code(404)
        .type("application/problem+json")
        .send(
          new Problem(404, "Not found", `Nothing at ${request.method} ${request.url}.`).toJSON(),
        );
    }
    return reply.type("text/html").sendFile("index.html"); // the web app routes the rest
  });

  // Security headers on every response (CSP, HSTS when secure, no-store on personal data).
  await registerSecurityHeaders(app, deps.secureCookies);
  await app.register(fastifyCookie);
  // Only routes that ask for it are limited (the public self-referral form).
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Cairn API",
        description:
          "Self-directed Support from first contact to review. Errors are application/problem+json.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/docs",
    staticCSP: docsCsp(deps.secureCookies),
  });
  // The built files only, each its own route (no wildcard): any other path is not found.
  if (existsSync(webDist)) await app.register(fastifyStatic, { root: webDist, wildcard: false });

  // Before any route's validation: text no database can store is the sender's error, a 400.
  app.addHook("preValidation", async (request) => {
    const { params, query, body } = request;
    const errors = unstorableText({ params, query, body });
    if (errors.length)
      throw new Problem(400, "Invalid request", "Some text cannot be kept.", errors);
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[deps.sessions.cookie];
    if (!token) return;
    const session = await deps.sessions.find(token);
    if (!session) return;
    request.actor = session.actor;
    request.csrfToken = session.csrfToken;
    if (UNSAFE.has(request.method) && !isSignIn(request)) {
      if (request.headers["x-csrf-token"] !== session.csrfToken) {
        throw new Problem(
          403,
          "Missing or wrong CSRF token",
          "Send the x-csrf-token header from GET /api/session.",
        );
      }
    }
  });

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.config?.access) return;
    throw new Error(
      `${route.method} ${route.url} declares no access: write it with command() or publicRoute() (platform/http/command.ts).`,
    );
  });
  const open = { access: { public: "about the service, not anyone's record" } };
  app.get("/api/openapi.json", { schema: { hide: true }, config: open }, async () => app.swagger());
  app.get("/api/health", { schema: { hide: true }, config: open }, async () => ({ status: "ok" }));
  registerRoutes(app, deps);
  return app;
}

/** A number of hops as the function Fastify takes (its types accept no number). */
const trusted = (proxies: false | number | string) =>
  typeof proxies === "number" ? (_address: string, hop: number) => hop < proxies : proxies;

const isSignIn = (request: FastifyRequest) =>
  request.method === "POST" && request.url.split("?")[0] === "/api/session";

function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  conflicts: UniqueConflicts,
) {
  const problem =
    fastifyProblem(error, request.headers["content-type"]) ??
    uniqueConflict(error, conflicts) ??
    toProblem(error);
  if (problem.status < 500) {
    return reply.code(problem.status).type("application/problem+json").send(problem.toJSON());
  }
  // The log says what failed and where, never the request's data nor a query's parameters
  // (which hold personal data and password hashes); the person quotes the reference.
  const reference = randomUUID();
  request.log.error({ reference, ...errorKind(error), route: request.routeOptions.url });
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send({ ...problem.toJSON(), reference });
}

/** What kind of error it was, without its message (a failed query's message holds its data). */
export function errorKind(error: unknown): { kind: string; code?: string } {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code ?? cause?.code;
  return {
    kind: error instanceof Error ? error.constructor.name : typeof error,
    ...(typeof code === "string" ? { code } : {}),
  };
}

function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? "body";
    const errors: FieldError[] = error.validation.map((v) => ({
      path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || where,
      message: v.message ?? "is not valid",
    }));
    return new Problem(400, "Invalid request", `Some of the ${where} is not valid.`, errors);
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return new Problem(status, "Bad request", (error as Error).message);
  }
  return new Problem(
    500,
    "Something went wrong",
    "The server could not complete this. Nothing was changed.",
  );
}
