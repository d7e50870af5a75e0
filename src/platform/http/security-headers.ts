import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { App } from "./app";

/**
 * The security headers every response carries (OWASP ASVS 4.0.3 section 14.4), set in one place.
 * `secure` is CAIRN_SECURE_COOKIES=1: Cairn is served over HTTPS, so HSTS is sent and plain-HTTP
 * subresources are upgraded; without it (a local demo over HTTP) neither is.
 */
export function contentSecurityPolicy(secure: boolean): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    // No inline script anywhere: the web app and every page load their scripts from files.
    "script-src": ["'self'"],
    "script-src-attr": ["'none'"],
    // No inline <style> nor style="" either; React's style props set CSSOM, which CSP allows.
    "style-src": ["'self'"],
    // The design system draws some icons as data: SVGs in its stylesheet.
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    ...(secure ? { "upgrade-insecure-requests": [] } : {}),
  };
}

/** The CSP as a header value, for routes that set their own (the API docs). */
export const cspHeader = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");

/**
 * swagger-ui (the API docs at /docs) loads its scripts and styles from files, but adds one
 * <style> element of its own as it draws: this is the SHA-256 of that element, allowed by hash,
 * never 'unsafe-inline'. An upgrade of @fastify/swagger-ui that changes it shows as a CSP
 * violation in e2e/security-headers.e2e.test.ts, which gives the new hash.
 */
export const SWAGGER_UI_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** The API docs' policy: the same, but for swagger-ui's one <style>; still never framed. */
export const docsCsp = (secure: boolean) =>
  cspHeader({ ...contentSecurityPolicy(secure), "style-src": ["'self'", SWAGGER_UI_STYLE] });

/** Powerful browser features Cairn never uses, turned off for every page. */
export const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export function helmetOptions(secure: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(secure) },
    // Only over HTTPS: HSTS sent over a plain-HTTP demo would pin a name to HTTPS it lacks.
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    // Open data is fetched by other sites with CORS, which this header does not block.
    crossOriginResourcePolicy: { policy: "same-origin" },
  };
}

/**
 * Responses that may be kept by browsers and proxies: the web app's files (named by their
 * content's hash), the API docs' files, and the public directory and open data, which hold no
 * one's record and are published to be read widely. Every other response, every page and every
 * other API reply (JSON, PDF, CSV) may hold personal data: `Cache-Control: no-store`.
 */
const CACHEABLE = ["/assets/", "/docs/static/", "/api/open-referral/", "/api/public/"];

export const mayBeCached = (url: string) => {
  const path = url.split("?")[0] ?? "";
  return CACHEABLE.some((prefix) => path.startsWith(prefix) || `${path}/` === prefix);
};

/** Sets the headers helmet does not: Permissions-Policy, and no-store on personal data. */
export function otherHeaders(request: FastifyRequest, reply: FastifyReply) {
  reply.header("permissions-policy", PERMISSIONS_POLICY);
  // A refusal is never kept, even from a public route: the next request may well succeed.
  if (reply.statusCode >= 400 || !mayBeCached(request.url)) {
    reply.header("cache-control", "no-store");
  }
}

/** Registers the headers on every route of `app` (called once, from buildHttpApp). */
export async function registerSecurityHeaders(app: App, secure: boolean) {
  await app.register(fastifyHelmet, helmetOptions(secure));
  app.addHook("onSend", async (request, reply, payload) => {
    otherHeaders(request, reply);
    return payload;
  });
}

/**
 * The same headers for a refusal made before routing (a broken address, a 414, a request Node
 * cannot parse), where no hook runs: set by hand, as helmet would.
 */
export function refusalHeaders(secure: boolean): Record<string, string> {
  return {
    "content-security-policy": cspHeader(contentSecurityPolicy(secure)),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "permissions-policy": PERMISSIONS_POLICY,
    "cache-control": "no-store",
    ...(secure ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
