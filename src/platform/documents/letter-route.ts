import { z } from "zod";
import { requireAccess } from "../authorisation/guard";
import type { Db } from "../db/client";
import { type App, requireActor } from "../http/app";
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
export function letterRoute(app: App, db: Db, letter: LetterRoute) {
  const filename = letter.url.split("/").at(-1);
  app.get(
    letter.url,
    {
      schema: {
        tags: [letter.tag],
        summary: letter.summary,
        params: z.object({ personId: z.uuid("That is not a person's id") }),
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { personId } = request.params as { personId: string };
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "person",
        personId,
      });
      const built = await letter.build(personId);
      if (!built) throw notFound(letter.missing);
      const pdf = await renderPdf(built.document);
      await access.record(db, { resourceId: built.resourceId, detail: { document: filename } });
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${filename}"`)
        .send(pdf);
    },
  );
}
