import type { Db } from "../../platform/db/client";
import { type PlainDocument, renderPdf } from "../../platform/documents/pdf";
import type { Actor } from "../../platform/http/actor";
import { formatPence } from "../budgets/money";
import { ONE_OFF_SOURCE } from "./funds";
import { monthlyStatement, type Statement } from "./statement";
import { balanceOf, fundsOf, movements } from "./store";

/** Each of the person's funds for a month (a provider sees only the funds it holds). */
export async function statementsOf(db: Db, personId: string, period: string, actor: Actor) {
  const funds = (await fundsOf(db, personId)).filter(
    (f) => actor.role !== "provider-staff" || f.providerId === actor.providerId,
  );
  return Promise.all(
    funds.map(async (f) => ({
      fund: { key: f.key, label: f.label, option: f.option },
      statement: monthlyStatement(
        await balanceOf(db, f.key, period),
        (await movements(db, f.key, period)).map((m) => ({
          kind: m.kind,
          memo: m.memo,
          pence: m.pence,
          oneOff: m.sourceType === ONE_OFF_SOURCE,
        })),
      ),
    })),
  );
}

/** The month's statements as a PDF, in full or easy read (large type). */
export async function statementPdf(
  db: Db,
  personId: string,
  period: string,
  actor: Actor,
  easyRead: boolean,
) {
  const statements = await statementsOf(db, personId, period, actor);
  return renderPdf(
    printableStatement(period, statements, easyRead),
    easyRead ? "large" : "standard",
  );
}

/** A bar of 20 blocks: how much of what there was to spend has been spent. */
export function spentBar(s: Statement): { percent: number; bar: string } {
  const available = s.openingPence + s.totalInPence;
  const percent =
    available > 0 ? Math.min(100, Math.round((s.totalOutPence * 100) / available)) : 0;
  const filled = Math.round(percent / 5);
  return { percent, bar: `${"█".repeat(filled)}${"░".repeat(20 - filled)}` };
}

export function printableStatement(
  period: string,
  statements: Awaited<ReturnType<typeof statementsOf>>,
  easyRead: boolean,
): PlainDocument {
  return {
    title: easyRead ? `Your money for ${period} (easy read)` : `Budget statement for ${period}`,
    subtitle: easyRead
      ? "What came in. What was spent. What is left."
      : "Each fund: what came in, what was spent on what, and what is left.",
    sections: statements.flatMap(({ fund, statement: s }) => {
      const { percent, bar } = spentBar(s);
      return easyRead
        ? [
            {
              heading: fund.label,
              paragraphs: [
                `At the start you had ${formatPence(s.openingPence)}.`,
                `${formatPence(s.totalInPence)} came in.`,
                `${formatPence(s.totalOutPence)} was spent.`,
                `${formatPence(s.closingPence)} is left.`,
                `${bar} ${percent}% spent.`,
              ],
            },
          ]
        : [
            {
              heading: fund.label,
              paragraphs: [
                `At the start of the month: ${formatPence(s.openingPence)}.`,
                ...s.cameIn.map((i) => `In: ${i.label}, ${formatPence(i.pence)}.`),
                ...s.wentOut.map((o) => `Out: ${o.label}, ${formatPence(o.pence)}.`),
                `Left at the end of the month: ${formatPence(s.closingPence)}.`,
                `${bar} ${percent}% of what there was to spend has been spent.`,
              ],
            },
          ];
    }),
    footer: "Questions about a line? Ask your social worker or the provider; every query is kept.",
  };
}
