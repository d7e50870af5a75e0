import { z } from "zod";
import type { App, RouteDeps } from "../http/app";
import { command } from "../http/command";
import { notFound } from "../http/problem";
import { type PlainDocument, renderPdf } from "./pdf";

export interface LetterRoute {
  url: `/api/people/:personId/${string}.pdf`;
  tag: string;
  summary: string;
  /** What is missing when there is nothing to write about, e.g. "A budget for this person". */
  missing: string;
  build(personId: string): Promise<{ resourceId: string; document: PlainDocument } | null>;
}

/** A plain-language PDF letter about a person: their read access checked, and audited. */
export function letterRoute(app: App, deps: RouteDeps, letter: LetterRoute) {
  const filename = letter.url.split("/").at(-1);
  command(app, deps, {
    method: "GET",
    url: letter.url,
    schema: {
      tags: [letter.tag],
      summary: letter.summary,
      params: z.object({ personId: z.uuid("That is not a person's id") }),
      produces: ["application/pdf"],
    },
    access: { action: "read", resource: "person" },
    find: ({ params }) => ({ personId: params.personId }),
    run: async ({ params, reply, audit }) => {
      const built = await letter.build(params.personId);
      if (!built) throw notFound(letter.missing);
      audit({ resourceId: built.resourceId, detail: { document: filename } });
      reply.type("application/pdf").header("content-disposition", `inline; filename="${filename}"`);
      return renderPdf(built.document);
    },
  });
}
