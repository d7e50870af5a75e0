/** One field that failed, by its path in the request body ("outcomes.0.need"). */
export interface FieldError {
  path: string;
  message: string;
}

/** An error the API reports as application/problem+json (RFC 9457). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Extension members (RFC 9457 section 3.2), such as the records a conflict is with. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = "Problem";
  }

  toJSON() {
    return {
      type: "about:blank",
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors.length ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const notFound = (what: string) => new Problem(404, "Not found", `${what} was not found.`);

export const conflict = (detail: string, errors: FieldError[] = []) =>
  new Problem(409, "Not allowed at this step", detail, errors);

export const invalid = (errors: FieldError[]) =>
  new Problem(400, "Invalid request", "Some of what was sent is not valid.", errors);
