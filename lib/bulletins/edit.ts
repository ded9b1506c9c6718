/**
 * Editing a generated bulletin (pure): administrators change paragraph text or add
 * paragraphs. A generated paragraph keeps its figures: its new text must still contain
 * each of them and no number that the document's tables do not hold.
 */
import { numberTokens } from "./format";
import type { BulletinDocument, BulletinParagraph } from "./types";

export interface BulletinEdits {
  /** paragraph id → new text (empty text removes a custom paragraph) */
  paragraphs: Record<string, string>;
  /** section id → text of a paragraph to add at its end */
  additions: Record<string, string>;
}

export type EditProblem = { paragraphId: string; problem: "figureRemoved" | "untracedNumber" | "empty"; figure?: string };

/**
 * Numbers a generated paragraph may carry besides table cells: the period's year and months,
 * the document's date and the number of counties it names as unreported or pending.
 */
function allowedNumbers(doc: BulletinDocument): Set<string> {
  const allowed = new Set<string>(numberTokens(doc.dateText));
  for (const named of [doc.unreported, doc.pending]) if (named && named.length > 0) allowed.add(String(named.length));
  for (const t of doc.tables) for (const row of t.rows) for (const cell of row) for (const n of numberTokens(cell)) allowed.add(n);
  allowed.add(String(doc.period.year));
  allowed.add("1");
  allowed.add(String(doc.month));
  return allowed;
}

/** Numbers in `text` that neither a table cell nor the period explains. */
export function untracedNumbers(doc: BulletinDocument, text: string): string[] {
  const allowed = allowedNumbers(doc);
  // table and chart references (表1, 图1) name a table, not a figure
  return numberTokens(text.replace(/[表图]\d+/g, "")).filter((n) => !allowed.has(n));
}

let counter = 0;
export function applyEdits(doc: BulletinDocument, edits: BulletinEdits, newId: () => string = () => `custom-${Date.now().toString(36)}-${(counter++).toString(36)}`): { document: BulletinDocument; problems: EditProblem[] } {
  const problems: EditProblem[] = [];
  const sections = doc.sections.map((section) => {
    const paragraphs: BulletinParagraph[] = [];
    for (const p of section.paragraphs) {
      const edited = edits.paragraphs[p.id];
      if (edited === undefined || edited.trim() === p.text) {
        paragraphs.push(p);
        continue;
      }
      const text = edited.trim();
      if (p.origin === "custom") {
        if (text !== "") paragraphs.push({ ...p, text });
        continue;
      }
      if (text === "") {
        problems.push({ paragraphId: p.id, problem: "empty" });
        paragraphs.push(p);
        continue;
      }
      const missing = p.figures.find((f) => !text.includes(f.text));
      if (missing) {
        problems.push({ paragraphId: p.id, problem: "figureRemoved", figure: missing.text });
        paragraphs.push(p);
        continue;
      }
      const untraced = untracedNumbers(doc, text);
      if (untraced.length > 0) {
        problems.push({ paragraphId: p.id, problem: "untracedNumber", figure: untraced[0] });
        paragraphs.push(p);
        continue;
      }
      paragraphs.push({ ...p, text, edited: true });
    }
    const added = edits.additions[section.id]?.trim();
    if (added) paragraphs.push({ id: newId(), origin: "custom", text: added, figures: [] });
    return { ...section, paragraphs };
  });
  return { document: { ...doc, sections }, problems };
}

/** A regenerated document keeps the custom paragraphs of the previous one (at the end of their section). */
export function keepCustomParagraphs(fresh: BulletinDocument, previous: BulletinDocument): BulletinDocument {
  return {
    ...fresh,
    sections: fresh.sections.map((s) => {
      const old = previous.sections.find((o) => o.id === s.id);
      const custom = old ? old.paragraphs.filter((p) => p.origin === "custom") : [];
      return custom.length > 0 ? { ...s, paragraphs: [...s.paragraphs, ...custom] } : s;
    }),
  };
}

/** Parses stored content, or null when it is not a bulletin document. */
export function parseDocument(content: string): BulletinDocument | null {
  try {
    const doc = JSON.parse(content) as BulletinDocument;
    return doc && doc.version === 1 && Array.isArray(doc.sections) ? doc : null;
  } catch {
    return null;
  }
}
