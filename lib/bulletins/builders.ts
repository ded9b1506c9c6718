/** The two builders of the generator: a table whose cells paragraphs cite, and a paragraph citing them. */
import { numberTokens } from "./format";
import type { BulletinParagraph, BulletinTable, FigureRef } from "./types";

export class TableBuilder {
  readonly rows: string[][] = [];
  private readonly emphasis: { row: number; column: number }[] = [];
  constructor(readonly id: string, readonly title: string, readonly columns: string[], readonly note?: string) {}
  add(cells: string[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }
  /** Marks a cell to stand out (bold): a county below 序时进度. */
  emphasize(row: number, column: number): void {
    this.emphasis.push({ row, column });
  }
  /** A reference to a numeric cell; its text is the cell's number without sign. */
  ref(row: number, column: number): FigureRef {
    const token = numberTokens(this.rows[row][column])[0];
    if (token === undefined) throw new Error(`table ${this.id} cell ${row},${column} holds no number`);
    return { table: this.id, row, column, text: this.rows[row][column].replace(/^[+-]/, "") };
  }
  build(): BulletinTable {
    return {
      id: this.id,
      title: this.title,
      columns: this.columns,
      rows: this.rows,
      ...(this.note ? { note: this.note } : {}),
      ...(this.emphasis.length > 0 ? { emphasis: this.emphasis } : {}),
    };
  }
}

/** A paragraph assembled from literal text and figure references. */
export class Para {
  private text = "";
  private readonly figures: FigureRef[] = [];
  constructor(readonly id: string) {}
  t(s: string): this {
    this.text += s;
    return this;
  }
  f(ref: FigureRef): this {
    this.text += ref.text;
    this.figures.push(ref);
    return this;
  }
  build(): BulletinParagraph {
    return { id: this.id, origin: "generated", text: this.text, figures: this.figures };
  }
}
