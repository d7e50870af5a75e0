import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";

/** A plain-language document: a title and sections of short paragraphs. */
export interface PlainDocument {
  title: string;
  /** Shown under the title: who it is for and the date. */
  subtitle: string;
  sections: { heading: string; paragraphs: string[] }[];
  footer: string;
}

const font = (name: string) =>
  fileURLToPath(new URL(`../../../assets/fonts/${name}`, import.meta.url));

/**
 * Renders a document as a PDF in large, clear type (14 pt body, generous spacing), with the
 * DejaVu Sans font shipped in assets/fonts, and a title and language set for screen readers.
 */
export function renderPdf(
  doc: PlainDocument,
  type: "standard" | "large" = "standard",
): Promise<Buffer> {
  // Large type for easy read: 20 pt body, one idea a line with space between.
  const body = type === "large" ? 20 : 14;
  const pdf = new PDFDocument({
    size: "A4",
    margin: 64,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: doc.title, Author: "Cairn", Subject: doc.subtitle },
  });
  pdf.registerFont("body", font("DejaVuSans.ttf"));
  pdf.registerFont("bold", font("DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.font("bold").fontSize(24).text(doc.title);
  pdf.moveDown(0.3).font("body").fontSize(14).fillColor("#333333").text(doc.subtitle);
  pdf.fillColor("#000000");
  for (const section of doc.sections) {
    pdf
      .moveDown(1)
      .font("bold")
      .fontSize(body + 4)
      .text(section.heading);
    for (const paragraph of section.paragraphs) {
      pdf
        .moveDown(0.5)
        .font("body")
        .fontSize(body)
        .text(paragraph, { lineGap: body / 3 });
    }
  }
  pdf.moveDown(2).font("body").fontSize(11).fillColor("#333333").text(doc.footer);
  pdf.end();
  return done;
}
