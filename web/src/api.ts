/** A field that failed validation, by its path in the request body. */
export interface FieldError {
  path: string;
  message: string;
}

/** An application/problem+json reply from the API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
    /** The whole problem document, for extension members such as `matches`. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }
}

let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["x-csrf-token"] = csrfToken;
  const res = await fetch(url, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data.title ?? "Error",
      data.detail ?? "",
      data.errors ?? [],
      data,
    );
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>("GET", url);
export const post = <T>(url: string, body: unknown) => api<T>("POST", url, body);

/** The id of the input for a request path: "outcomes.0.need" -> "outcomes-0-need". */
export const fieldId = (path: string) => path.replaceAll(/[.\s]/g, "-");
